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

    [LoggerMessage(13, LogLevel.Information, "Silo {Silo} is {Status} in the membership table (version {Version}).")]
    public static partial void MembershipStatusWritten(this ILogger logger, string silo, Scheduler.Runtime.Membership.SiloMembershipStatus status, int version);

    [LoggerMessage(14, LogLevel.Warning, "Declared silo {Silo} dead: its last sign of life was {LastAlive:O}, more than {Threshold} ago.")]
    public static partial void DeclaredSiloDead(this ILogger logger, string silo, DateTimeOffset lastAlive, TimeSpan threshold);

    [LoggerMessage(15, LogLevel.Critical, "This silo {Silo} was declared dead by the cluster; it stops serving.")]
    public static partial void DeclaredDeadSelf(this ILogger logger, string silo);

    [LoggerMessage(16, LogLevel.Warning, "Membership {Operation} failed; retried at the next period.")]
    public static partial void MembershipOperationFailed(this ILogger logger, Exception exception, string operation);

    [LoggerMessage(17, LogLevel.Information, "Cluster view changed to version {Version}: {ActiveCount} active silos.")]
    public static partial void MembershipViewChanged(this ILogger logger, int version, int activeCount);

    [LoggerMessage(18, LogLevel.Information, "Removed {Count} defunct membership rows.")]
    public static partial void DefunctRowsRemoved(this ILogger logger, int count);

    [LoggerMessage(19, LogLevel.Information, "Call to grain {GrainId} was not delivered to silo {SiloName} (attempt {Attempt}); retrying in {DelayMs} ms with the current view.")]
    public static partial void CallNotDelivered(this ILogger logger, GrainId grainId, string siloName, int attempt, double delayMs);

    [LoggerMessage(20, LogLevel.Warning, "The cluster client could not read the membership table; it keeps its last view.")]
    public static partial void ClientMembershipReadFailed(this ILogger logger, Exception exception);
}
