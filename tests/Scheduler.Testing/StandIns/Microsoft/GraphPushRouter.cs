using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Scheduler.Grains.Calendars.Microsoft;
using Scheduler.Grains.Calendars.Providers;

namespace Scheduler.Testing.StandIns.Microsoft;

/// <summary>
/// Receives the stand-in's validation requests and notifications in process and answers as the gateway's
/// <c>/webhooks/microsoft</c> does: a <c>validationToken</c> is echoed as text/plain with 200; notifications go through
/// <see cref="MicrosoftNotifications.Read"/> and <see cref="CalendarWebhook.RouteAsync"/> and answer 202 when one was accepted, 404 otherwise.
/// <see cref="EchoValidation"/> can be turned off to play an endpoint that fails the handshake.
/// </summary>
internal sealed class GraphPushRouter(IGrainFactory grains) : HttpMessageHandler
{
    public bool EchoValidation { get; set; } = true;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var query = QueryHelpers.ParseQuery(request.RequestUri!.Query);
        if (query.TryGetValue("validationToken", out var validation))
        {
            return EchoValidation
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(validation.ToString(), Encoding.UTF8, "text/plain") }
                : new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var verdicts = await CalendarWebhook.RouteAsync(grains, MicrosoftNotifications.Read(
            query.TryGetValue(SubscriptionAddress.ChannelParameter, out var ch) ? ch.ToString() : null,
            query.TryGetValue(SubscriptionAddress.AccountParameter, out var acct) ? acct.ToString() : null,
            body));
        return new HttpResponseMessage(verdicts.Contains(PushVerdict.Accepted) ? HttpStatusCode.Accepted : HttpStatusCode.NotFound);
    }
}
