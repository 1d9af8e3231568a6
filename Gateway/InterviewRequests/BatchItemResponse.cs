using System.Text.Json.Serialization;

namespace Scheduler.Gateway.InterviewRequests;

/// <summary>The outcome of one batch item: <c>{index, id, status}</c> when accepted, <c>{index, error}</c> when rejected.</summary>
/// <param name="Index">The item's zero-based position in <c>requests</c>.</param>
/// <param name="Id">The request id, when accepted.</param>
/// <param name="Status">The request status, when accepted.</param>
/// <param name="Error">Why it was rejected.</param>
public sealed record BatchItemResponse(
    int Index,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RequestStatus? Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BatchItemError? Error);
