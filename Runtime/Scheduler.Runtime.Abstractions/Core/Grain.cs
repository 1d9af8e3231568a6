namespace Scheduler.Runtime;

/// <summary>
/// Base class of grain classes. A grain class implements one or more grain interfaces; the silo
/// creates an activation on the first call and runs its requests one at a time (see
/// <see cref="Concurrency.ReentrantAttribute"/> to opt out). Constructor parameters are resolved
/// from DI; parameters marked <see cref="PersistentStateAttribute"/> receive durable state.
/// </summary>
public abstract class Grain : IAddressable, IGrainIdentity
{
    private IGrainContext? _context;

    /// <summary>The silo's context of this activation.</summary>
    /// <exception cref="InvalidOperationException">The object was not created by a silo.</exception>
    protected IGrainContext GrainContext => _context ?? throw new InvalidOperationException("This grain was not created by a silo.");

    /// <summary>This activation's grain id.</summary>
    public GrainId GrainId => GrainContext.GrainId;

    /// <summary>The factory for references to other grains.</summary>
    protected IGrainFactory GrainFactory => GrainContext.GrainFactory;

    /// <summary>The silo's service provider.</summary>
    protected IServiceProvider ServiceProvider => GrainContext.Services;

    /// <summary>Returns this grain's string key (the key part of <see cref="GrainId"/>).</summary>
    /// <returns>The key.</returns>
    public string GetPrimaryKeyString() => GrainId.Key;

    /// <summary>Called once per activation, after persistent state is read and before the first request.</summary>
    /// <param name="cancellationToken">Cancelled when activation takes too long or the silo stops.</param>
    /// <returns>A task that completes when the activation is ready. A fault fails the waiting requests and discards the activation.</returns>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once when the activation is deactivated, after its last request completes.</summary>
    /// <param name="reason">Why it is deactivated.</param>
    /// <param name="cancellationToken">Cancelled when deactivation takes too long.</param>
    /// <returns>A task that completes when the grain has finished cleaning up.</returns>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation as soon as the current request completes. The next call creates a new activation.</summary>
    protected void DeactivateOnIdle() => GrainContext.DeactivateOnIdle();

    /// <summary>Registers an in-memory timer whose ticks are turns of this activation.</summary>
    /// <param name="callback">Called on each tick with a token cancelled when the activation deactivates.</param>
    /// <param name="dueTime">Time until the first tick.</param>
    /// <param name="period">Time between the end of a tick and the next; <see cref="Timeout.InfiniteTimeSpan"/> for one tick.</param>
    /// <returns>The timer; dispose it to stop it.</returns>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return GrainContext.RegisterTimer(static (s, ct) => ((Func<CancellationToken, Task>)s!)(ct), callback, new GrainTimerCreationOptions(dueTime, period));
    }

    /// <summary>Registers an in-memory timer with a state argument and full options.</summary>
    /// <typeparam name="TState">The type of <paramref name="state"/>.</typeparam>
    /// <param name="callback">Called on each tick.</param>
    /// <param name="state">Passed to <paramref name="callback"/>.</param>
    /// <param name="options">Due time, period, interleaving and keep-alive.</param>
    /// <returns>The timer; dispose it to stop it.</returns>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return GrainContext.RegisterTimer((s, ct) => callback((TState)s!, ct), state, options);
    }

    /// <summary>Registers or updates a durable reminder; see <see cref="IGrainContext.RegisterOrUpdateReminder"/>.</summary>
    /// <param name="reminderName">The name, unique within this grain.</param>
    /// <param name="dueTime">Time from now until the first tick.</param>
    /// <param name="period">Time between ticks; <see cref="TimeSpan.Zero"/> for one-shot.</param>
    /// <returns>The stored reminder.</returns>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        GrainContext.RegisterOrUpdateReminder(reminderName, dueTime, period, CancellationToken.None);

    /// <summary>Looks up a reminder of this grain.</summary>
    /// <param name="reminderName">The name.</param>
    /// <returns>The reminder, or <see langword="null"/>.</returns>
    protected Task<IGrainReminder?> GetReminder(string reminderName) => GrainContext.GetReminder(reminderName, CancellationToken.None);

    /// <summary>Lists this grain's reminders.</summary>
    /// <returns>The reminders in name order.</returns>
    protected Task<IReadOnlyList<IGrainReminder>> GetReminders() => GrainContext.GetReminders(CancellationToken.None);

    /// <summary>Removes a reminder of this grain.</summary>
    /// <param name="reminder">The reminder.</param>
    /// <returns>A task that completes when the removal is durable.</returns>
    protected Task UnregisterReminder(IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return GrainContext.UnregisterReminder(reminder.ReminderName, CancellationToken.None);
    }

    internal void Attach(IGrainContext context) => _context = context;
}
