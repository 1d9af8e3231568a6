using Microsoft.Extensions.Logging;

namespace Scheduler.Runtime.Diagnostics;

/// <summary>The runtime's log messages (source-generated).</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(1, LogLevel.Error, "Activation of grain {GrainId} failed.")]
    public static partial void ActivationFailed(this ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(2, LogLevel.Warning, "OnDeactivateAsync of grain {GrainId} failed.")]
    public static partial void DeactivationFailed(this ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(3, LogLevel.Error, "Unhandled exception in a turn of grain {GrainId}.")]
    public static partial void UnhandledInTurn(this ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(4, LogLevel.Warning, "A timer callback of grain {GrainId} failed.")]
    public static partial void TimerFailed(this ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(5, LogLevel.Warning, "One-way call {Method} to grain {GrainId} failed.")]
    public static partial void OneWayCallFailed(this ILogger logger, Exception exception, string method, GrainId grainId);

    [LoggerMessage(6, LogLevel.Information, "Silo {SiloName} of service {ServiceId} started in {ElapsedMs} ms.")]
    public static partial void SiloStarted(this ILogger logger, string siloName, string serviceId, long elapsedMs);

    [LoggerMessage(7, LogLevel.Information, "Silo {SiloName} stopping: deactivating {Count} activations.")]
    public static partial void SiloStopping(this ILogger logger, string siloName, int count);

    [LoggerMessage(8, LogLevel.Information, "Silo {SiloName} stopped.")]
    public static partial void SiloStopped(this ILogger logger, string siloName);

    [LoggerMessage(9, LogLevel.Warning, "Delivery of reminder {ReminderName} to grain {GrainId} failed (attempt {Attempt}); retrying in {RetryIn}.")]
    public static partial void ReminderDeliveryFailed(this ILogger logger, Exception exception, string reminderName, GrainId grainId, int attempt, TimeSpan retryIn);

    [LoggerMessage(10, LogLevel.Error, "The reminder table could not be updated for reminder {ReminderName} of grain {GrainId}.")]
    public static partial void ReminderTableFailed(this ILogger logger, Exception exception, string reminderName, GrainId grainId);

    [LoggerMessage(11, LogLevel.Information, "Loaded {Count} reminders ({Overdue} overdue).")]
    public static partial void RemindersLoaded(this ILogger logger, int count, int overdue);

    [LoggerMessage(12, LogLevel.Debug, "Deactivated {Count} idle activations.")]
    public static partial void IdleCollected(this ILogger logger, int count);
}
