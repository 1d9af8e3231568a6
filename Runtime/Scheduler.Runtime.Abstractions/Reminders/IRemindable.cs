namespace Scheduler.Runtime;

/// <summary>
/// Implemented by grains that register reminders. A reminder is durable: it is stored, survives
/// deactivation, restarts and silo loss, and is delivered at least once per tick. A tick that was
/// due while no silo ran is delivered as soon as one starts.
/// </summary>
public interface IRemindable : IGrain
{
    /// <summary>Receives a reminder tick. Returning normally acknowledges it; throwing makes the silo retry it with backoff.</summary>
    /// <param name="reminderName">The reminder's name.</param>
    /// <param name="status">When the tick was due and the reminder's schedule.</param>
    /// <returns>A task that completes when the tick is handled.</returns>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
