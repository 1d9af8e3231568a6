namespace Scheduler.Grains.Prep;

/// <summary>Where a prep plan's blocks were added.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Prep.PrepDelivery")]
public enum PrepDelivery
{
    /// <summary>Nowhere: not asked for (<see cref="PrepSpec.AddToCalendar"/> is off), or there was no way (see the plan's delivery note).</summary>
    None,

    /// <summary>Written to the candidate's connected calendars (Google, Microsoft 365, CalDAV); the writes are retried until the provider accepts them.</summary>
    Calendar,

    /// <summary>Emailed to the candidate as an <c>.ics</c> file (iTIP <c>PUBLISH</c>) through the request's notification outbox.</summary>
    Email,
}
