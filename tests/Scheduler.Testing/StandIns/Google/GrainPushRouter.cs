using Scheduler.Grains.Calendars.Google;
using Scheduler.Grains.Calendars.Providers;

namespace Scheduler.Testing.StandIns.Google;

/// <summary>
/// Receives the stand-in's push deliveries in process and routes them as the gateway's <c>/webhooks/google</c> does:
/// <see cref="GoogleNotifications.Read"/>, then <see cref="CalendarWebhook.RouteAsync"/>; 200 when accepted, 404 otherwise.
/// </summary>
internal sealed class GrainPushRouter(IGrainFactory grains) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? Header(string name) => request.Headers.TryGetValues(name, out var values) ? values.First() : null;
        var verdicts = await CalendarWebhook.RouteAsync(grains, GoogleNotifications.Read(Header) is { } push ? [push] : []);
        return new HttpResponseMessage(verdicts.Contains(PushVerdict.Accepted) ? HttpStatusCode.OK : HttpStatusCode.NotFound);
    }
}
