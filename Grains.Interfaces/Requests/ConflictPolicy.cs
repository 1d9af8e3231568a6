namespace Scheduler.Grains.Requests;

/// <summary>What a booked request does when a participant reports a conflicting calendar change.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.ConflictPolicy")]
public enum ConflictPolicy
{
    /// <summary>Release the booking and negotiate again.</summary>
    Reschedule,

    /// <summary>Keep the booking and flag the request for the recruiter.</summary>
    Flag,
}
