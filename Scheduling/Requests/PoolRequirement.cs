namespace Scheduler.Scheduling.Requests;

/// <summary>
/// "<see cref="Count"/> of these people" for one stage. Members are ranked for fairness (fewest bookings in the
/// request's trailing fairness window, then participant id, ordinal) and, for each candidate time, the first
/// <see cref="Count"/> members free at that time are chosen.
/// </summary>
/// <param name="PoolId">The pool's key (reported in diagnostics).</param>
/// <param name="Count">How many members must attend; 1 to the number of members.</param>
/// <param name="MemberIds">The pool's members, each of whom needs a <see cref="ParticipantAvailabilityInput"/>.</param>
public sealed record PoolRequirement(string PoolId, int Count, IReadOnlyList<string> MemberIds);
