namespace Scheduler.Runtime;

/// <summary>
/// An in-memory timer of one activation. Ticks are turns of the activation. The timer dies with
/// the activation; use reminders for anything that must survive deactivation or restarts.
/// </summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the timer next ticks and its period.</summary>
    /// <param name="dueTime">Time until the next tick; zero or more.</param>
    /// <param name="period">Time between ticks; <see cref="Timeout.InfiniteTimeSpan"/> for one tick.</param>
    /// <exception cref="ObjectDisposedException">The timer was disposed.</exception>
    void Change(TimeSpan dueTime, TimeSpan period);
}
