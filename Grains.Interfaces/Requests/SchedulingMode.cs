namespace Scheduler.Grains.Requests;

/// <summary>What a request does once options are found.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.SchedulingMode")]
public enum SchedulingMode
{
    /// <summary>Store proposals and wait for the candidate's selection.</summary>
    Propose,

    /// <summary>Book the best option.</summary>
    AutoBook,
}
