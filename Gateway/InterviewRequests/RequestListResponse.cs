using Scheduler.Grains.Indexes;

namespace Scheduler.Gateway.InterviewRequests;

/// <summary>A page of request summaries, oldest first.</summary>
/// <param name="Items">The summaries.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; <see langword="null"/> on the last page.</param>
public sealed record RequestListResponse(IReadOnlyList<RequestSummary> Items, string? NextCursor);
