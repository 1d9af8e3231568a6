using System.Text.Json;
using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Messaging;

/// <summary>
/// Runs a call that arrived from another silo. A call for a grain this silo does not own (in its
/// view) is forwarded to the owner once (<see cref="GrainCallEnvelope.ForwardCount"/> 0 → 1); a
/// call already forwarded runs here whatever the view says, so two silos with different views
/// cannot bounce it. A call past its deadline is answered with <see cref="TimeoutException"/>
/// without running. Exceptions become the response's type and message. A call this silo cannot
/// run because it is shutting down, or cannot forward because the owner refused it, gets no
/// response (<see langword="null"/>; the endpoint answers 503) so the caller knows it did not run
/// and may resend it to the owner of its next view. A <see cref="Reminders.ReminderChangeNotice"/>
/// (target type <c>sys-reminder-bucket</c>) is not a grain call: it is handed to this silo's reminder
/// service and answered at once, never forwarded.
/// </summary>
internal sealed class SiloCallHandler(LocalGrainCallInvoker local, GrainPlacement placement, RemoteSiloClient remote, GrainCallCodec codec, TimeProvider time, Catalog.GrainCatalog catalog, Reminders.ReminderService reminders)
{
    public async Task<GrainCallResponse?> HandleAsync(GrainCallEnvelope envelope, CancellationToken cancellationToken)
    {
        if (catalog.IsStopping)
        {
            return null;
        }

        try
        {
            if (envelope.Deadline < time.GetUtcNow())
            {
                throw new TimeoutException($"Call {envelope.CallId} arrived after its deadline {envelope.Deadline:O}.");
            }

            if (Reminders.ReminderChangeNotice.Is(envelope))
            {
                var (grainId, reminderName) = Reminders.ReminderChangeNotice.Read(envelope, codec.Options);
                reminders.OnChangedElsewhere(grainId, reminderName);
                return new GrainCallResponse(envelope.CallId, null, null, null);
            }

            if (envelope.ForwardCount == 0)
            {
                var owner = placement.OwnerOf(envelope.Target);
                if (owner != placement.Local)
                {
                    try
                    {
                        return await remote.SendAsync(owner, envelope with { ForwardCount = 1 }, cancellationToken).ConfigureAwait(false);
                    }
                    catch (SiloUnavailableException exception) when (exception.NotDelivered)
                    {
                        return null;
                    }
                }
            }

            var (invoker, arguments) = codec.Decode(envelope);
            var returned = local.Invoke(envelope.Target, invoker, arguments);
            if (envelope.OneWay)
            {
                return new GrainCallResponse(envelope.CallId, null, null, null);
            }

            var result = await invoker.AwaitResultAsync(returned).ConfigureAwait(false);
            JsonElement? json = invoker.ResultType == typeof(VoidResult) ? null : JsonSerializer.SerializeToElement(result, invoker.ResultType, codec.Options);
            return new GrainCallResponse(envelope.CallId, json, null, null);
        }
        catch (Exception exception)
        {
            return new GrainCallResponse(envelope.CallId, null, exception.GetType().FullName, exception.Message);
        }
    }
}
