using System.Text.Json;

namespace Scheduler.Gateway.InterviewRequests;

/// <summary>The body of <c>POST /v1/interview-requests/batch</c>.</summary>
public sealed record BatchBody
{
    /// <summary>1–10,000 interview requests (each shaped like the single request body); each is validated on its own.</summary>
    public IReadOnlyList<JsonElement>? Requests { get; init; }
}
