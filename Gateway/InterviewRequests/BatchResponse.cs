namespace Scheduler.Gateway.InterviewRequests;

/// <summary>The answer to a batch: one item per request, in request order.</summary>
/// <param name="Items">The outcomes.</param>
/// <param name="Accepted">How many items were accepted.</param>
/// <param name="Rejected">How many items were rejected.</param>
public sealed record BatchResponse(IReadOnlyList<BatchItemResponse> Items, int Accepted, int Rejected);
