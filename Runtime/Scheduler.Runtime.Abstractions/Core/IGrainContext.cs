namespace Scheduler.Runtime;

/// <summary>
/// What the silo provides to one activation: its identity, its services, timers, reminders and
/// lifecycle requests. Grain classes use it through the members of <see cref="Grain"/>.
/// </summary>
public interface IGrainContext
{
    /// <summary>The activation's grain id.</summary>
    GrainId GrainId { get; }

    /// <summary>The factory for references to other grains.</summary>
    IGrainFactory GrainFactory { get; }

    /// <summary>The silo's service provider.</summary>
    IServiceProvider Services { get; }

    /// <summary>Asks the silo to deactivate this activation as soon as its current request completes.</summary>
    void DeactivateOnIdle();

    /// <summary>Registers an in-memory timer whose ticks are turns of this activation.</summary>
    /// <param name="callback">Called on each tick with <paramref name="state"/> and a token cancelled when the activation deactivates.</param>
    /// <param name="state">Passed to <paramref name="callback"/>.</param>
    /// <param name="options">Due time, period and interleaving.</param>
    /// <returns>The timer; dispose it to stop it.</returns>
    IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options);

    /// <summary>Registers or updates a durable reminder of this grain.</summary>
    /// <param name="reminderName">The name, unique within the grain; non-empty.</param>
    /// <param name="dueTime">Time from now until the first tick; zero or more.</param>
    /// <param name="period">Time between ticks; <see cref="TimeSpan.Zero"/> for a one-shot reminder that is removed once delivered; otherwise at least one second.</param>
    /// <param name="cancellationToken">Cancels the registration before it is stored.</param>
    /// <returns>The stored reminder.</returns>
    /// <exception cref="InvalidOperationException">The grain does not implement <see cref="IRemindable"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative <paramref name="dueTime"/>, or a period between zero and one second.</exception>
    Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken);

    /// <summary>Looks up a reminder of this grain.</summary>
    /// <param name="reminderName">The name.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The reminder, or <see langword="null"/> when none is registered under that name.</returns>
    Task<IGrainReminder?> GetReminder(string reminderName, CancellationToken cancellationToken);

    /// <summary>Lists the reminders of this grain.</summary>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The reminders, in name order.</returns>
    Task<IReadOnlyList<IGrainReminder>> GetReminders(CancellationToken cancellationToken);

    /// <summary>Removes a reminder of this grain; removing one that does not exist does nothing.</summary>
    /// <param name="reminderName">The name.</param>
    /// <param name="cancellationToken">Cancels the removal before it is stored.</param>
    /// <returns>A task that completes when the removal is durable.</returns>
    Task UnregisterReminder(string reminderName, CancellationToken cancellationToken);
}
