using System.Net;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Calendars.Accounts;

namespace Scheduler.Grains.Tests.Calendars.Google;

/// <summary>
/// Receives the stand-in's push deliveries in process and routes them as the gateway's <c>/webhooks/google</c> does:
/// the account key from the channel token, then <see cref="ICalendarAccountGrain.ReceivePush"/>; 200 when accepted, 404 otherwise.
/// </summary>
internal sealed class GrainPushRouter(IGrainFactory grains) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string Header(string name) => request.Headers.TryGetValues(name, out var values) ? values.First() : string.Empty;
        var token = Header("X-Goog-Channel-Token");
        if (!ChannelTokens.TryReadAccountKey(token, out var accountKey))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var number = long.TryParse(Header("X-Goog-Message-Number"), out var n) ? n : (long?)null;
        var verdict = await grains.GetGrain<ICalendarAccountGrain>(accountKey)
            .ReceivePush(new PushNotification(Header("X-Goog-Channel-ID"), token, Header("X-Goog-Resource-ID"), Header("X-Goog-Resource-State"), number));
        return new HttpResponseMessage(verdict == PushVerdict.Accepted ? HttpStatusCode.OK : HttpStatusCode.NotFound);
    }
}
