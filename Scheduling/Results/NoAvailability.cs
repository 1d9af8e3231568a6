namespace Scheduler.Scheduling.Results;

/// <summary>Why a request has no option: the first constraint (in a fixed diagnostic order) that emptied the result, and for whom.</summary>
/// <param name="Reason">The constraint.</param>
/// <param name="Message">A sentence for recruiters naming the people and stage involved.</param>
/// <param name="ParticipantId">The participant the constraint concerns, when it concerns one.</param>
/// <param name="StageName">The stage it concerns, when it concerns one.</param>
public sealed record NoAvailability(NoAvailabilityReason Reason, string Message, string? ParticipantId = null, string? StageName = null);
