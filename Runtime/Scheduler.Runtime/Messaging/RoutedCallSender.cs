using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Diagnostics;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Messaging;

/// <summary>
/// Sends a call to the owner of its grain and survives the loss of a silo: when the send fails in
/// a way that proves the call did not run (<see cref="SiloUnavailableException.NotDelivered"/>:
/// connection refused, 503 from a silo that stopped serving, no active silo in the view), it waits
/// (50 ms, doubling up to 1 s), asks the owner again (the membership view may have dropped the
/// lost silo meanwhile) and resends, until the call's deadline. A failure that may have reached
/// the grain (a broken connection mid-call, a timeout) is never resent. Used by silos for grains
/// other silos own and by cluster clients for every call.
/// </summary>
internal sealed class RoutedCallSender(RemoteSiloClient remote, GrainCallCodec codec, IOptions<SiloOptions> options, TimeProvider time, ILogger<RoutedCallSender> log)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Encodes a call through a grain reference (deadline now + <see cref="SiloOptions.CallTimeout"/>)
    /// and sends it with <see cref="SendAsync"/>. A one-way call returns at once and a failure is
    /// logged; otherwise the caller gets the method's return value (task) carrying the remote result
    /// or exception.
    /// </summary>
    /// <param name="target">The grain.</param>
    /// <param name="invoker">The method.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="ownerOf">Returns the grain's current owner, or <see langword="null"/> while no silo is active.</param>
    /// <returns>The method's return value.</returns>
    public object Invoke(GrainId target, GrainMethodInvoker invoker, object?[] arguments, Func<GrainId, SiloAddress?> ownerOf)
    {
        GrainCallEnvelope envelope;
        try
        {
            envelope = codec.Encode(target, invoker, arguments, time.GetUtcNow() + options.Value.CallTimeout);
        }
        catch (Exception exception)
        {
            return invoker.ToReturnValue(invoker.Faulted(exception));
        }

        var response = SendAsync(envelope, ownerOf, CancellationToken.None);
        if (invoker.IsOneWay)
        {
            response.ContinueWith(
                static (t, s) =>
                {
                    var (logger, name, grain) = ((ILogger, string, GrainId))s!;
                    logger.OneWayCallFailed(t.Exception!.GetBaseException(), name, grain);
                },
                (log, invoker.Name, target),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return invoker.CompletedReturnValue();
        }

        return invoker.ToReturnValue(invoker.FromRemote(response, codec.Options));
    }

    /// <summary>Sends <paramref name="envelope"/> to the silo <paramref name="ownerOf"/> names for its target, retrying undelivered sends until <see cref="GrainCallEnvelope.Deadline"/>.</summary>
    /// <param name="envelope">The call.</param>
    /// <param name="ownerOf">Returns the grain's current owner, or <see langword="null"/> while no silo is active.</param>
    /// <param name="cancellationToken">Cancels the wait between attempts.</param>
    /// <returns>The owner's response.</returns>
    /// <exception cref="SiloUnavailableException">The call could not be delivered before its deadline, or the connection broke after it was sent.</exception>
    /// <exception cref="TimeoutException">No response before the call timeout.</exception>
    public async Task<GrainCallResponse> SendAsync(GrainCallEnvelope envelope, Func<GrainId, SiloAddress?> ownerOf, CancellationToken cancellationToken)
    {
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            var owner = ownerOf(envelope.Target);
            SiloUnavailableException failure;
            if (owner is null)
            {
                failure = new SiloUnavailableException($"No silo is active in the membership view; call {envelope.CallId} to {envelope.Target} was not sent.", notDelivered: true);
            }
            else
            {
                try
                {
                    return await remote.SendAsync(owner, envelope, cancellationToken).ConfigureAwait(false);
                }
                catch (SiloUnavailableException exception) when (exception.NotDelivered)
                {
                    failure = exception;
                }
            }

            if (time.GetUtcNow() + delay >= envelope.Deadline)
            {
                throw failure;
            }

            log.CallNotDelivered(envelope.Target, owner?.Name ?? "(none)", attempt, delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay = delay * 2 > MaxDelay ? MaxDelay : delay * 2;
        }
    }
}
