namespace Scheduler.Gateway.InterviewRequests;

/// <summary>The optional body of <c>POST /v1/interview-requests/{id}/cancel</c>.</summary>
public sealed record CancelBody
{
    /// <summary>The longest reason, in characters.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Why, up to 500 characters; optional.</summary>
    public string? Reason { get; init; }
}
