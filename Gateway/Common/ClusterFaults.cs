using Orleans.Runtime.Messaging;

namespace Scheduler.Gateway.Common;

/// <summary>
/// The one test of whether a grain call failed because the cluster could not complete it (safe to retry, nothing
/// half-written, since every command is idempotent), as opposed to a bug or bad input.
/// </summary>
public static class ClusterFaults
{
    /// <summary>
    /// <see langword="true"/> for <see cref="OrleansMessageRejectionException"/> (for instance
    /// <see cref="SiloUnavailableException"/>: a silo the call needed was lost), <see cref="ConnectionFailedException"/>
    /// (a cluster client reached no gateway), <see cref="TimeoutException"/> (no answer within the call timeout), and an
    /// <see cref="OperationCanceledException"/> whose token was not cancelled: the cluster called the call off (the grain
    /// directory moves a range while a silo joins or leaves), not the caller.
    /// </summary>
    /// <param name="exception">The exception a grain call threw.</param>
    /// <returns>Whether the call may be retried later.</returns>
    public static bool IsUnavailable(Exception exception) =>
        exception is OrleansMessageRejectionException or ConnectionFailedException or TimeoutException
            or OperationCanceledException { CancellationToken.IsCancellationRequested: false };
}
