namespace Scheduler.Grains.Common;

/// <summary>State writes that never let a grain's memory run ahead of its storage.</summary>
internal static class StateWrites
{
    /// <summary>
    /// Runs a write (or clear) of the grain's state; when it fails, <paramref name="failed"/> is told, the activation is
    /// dropped (the next call reloads the state from storage) and the failure is rethrown.
    /// </summary>
    /// <param name="grain">The grain.</param>
    /// <param name="write">The write.</param>
    /// <param name="failed">Logs the failure; may be <see langword="null"/>.</param>
    /// <returns>A task that completes when the write has completed.</returns>
    public static async Task WriteOrDeactivateAsync(this IGrainBase grain, Func<Task> write, Action<Exception>? failed = null)
    {
        try
        {
            await write();
        }
        catch (Exception exception)
        {
            failed?.Invoke(exception);
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
