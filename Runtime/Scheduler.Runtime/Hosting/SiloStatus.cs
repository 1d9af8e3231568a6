namespace Scheduler.Runtime.Hosting;

/// <summary>The lifecycle of the silo of this process.</summary>
public enum SiloStatus
{
    /// <summary>Not started yet.</summary>
    Created,

    /// <summary>Loading reminders and joining the cluster.</summary>
    Starting,

    /// <summary>Serving grain calls.</summary>
    Active,

    /// <summary>Finishing running turns and deactivating.</summary>
    ShuttingDown,

    /// <summary>Stopped.</summary>
    Stopped,
}
