namespace Scheduler.Grains.Learning;

/// <summary>What happened to an interview time, as a request grain reports it to each participant concerned.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.PreferenceOutcome")]
public enum PreferenceOutcome
{
    /// <summary>The candidate selected this proposal; the other proposals shown were passed over.</summary>
    Selected,

    /// <summary>The booked interview took place (the request completed).</summary>
    Held,

    /// <summary>The booked interview was moved away from this time.</summary>
    Rescheduled,

    /// <summary>The booked interview at this time was cancelled.</summary>
    Cancelled,
}
