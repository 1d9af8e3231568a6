using Scheduler.Grains.Indexes;

namespace Scheduler.Gateway.Participants;

/// <summary>A page of participants, ordered by id.</summary>
/// <param name="Items">The participants: <c>{id, displayName, kind, timeZone}</c>.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; <see langword="null"/> on the last page.</param>
public sealed record ParticipantListResponse(IReadOnlyList<ParticipantSummary> Items, string? NextCursor);
