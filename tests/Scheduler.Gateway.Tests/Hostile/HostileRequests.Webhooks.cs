using System.Buffers.Text;
using System.Security.Cryptography;
using Scheduler.Grains.Notifications.Slack;

namespace Scheduler.Gateway.Tests.Hostile;

/// <summary>
/// Forged webhooks: Slack interactions with missing, stale, future, malformed or wrong signatures (and a few correctly
/// signed payloads that are not interactions), Google channel deliveries and Graph notifications with forged channel
/// tokens and client states naming Alpha's, Bravo's or malformed accounts, and Graph validation handshakes.
/// </summary>
internal sealed partial class HostileRequests
{
    /// <summary>The Slack signing secret the hostile gateway is configured with.</summary>
    public const string SlackSecret = "hostile-slack-signing-secret-0f1e2d3c4b5a";

    /// <summary>Graph's limit on a notification body the gateway reads.</summary>
    private const int GraphBodyLimit = 1024 * 1024;

    public Gen<HostileRequest> ForgedWebhooks() => Gen.Frequency((4, Slack()), (3, Google()), (3, Microsoft()));

    private Gen<HostileRequest> Slack()
    {
        var route = Route("POST /webhooks/slack");
        var value = $"{HostileWorld.Alpha}/{_world.AlphaRequest}|{_world.AlphaProposal}";
        var payloads = new[]
        {
            Form($"{{\"type\":\"block_actions\",\"user\":{{\"id\":\"U0HOSTILE\"}},\"trigger_id\":\"t1\",\"actions\":[{{\"action_id\":\"{SlackActions.AcceptProposal}\",\"value\":\"{value}\",\"action_ts\":\"1\"}}]}}"),
            Form($"{{\"type\":\"block_actions\",\"user\":{{\"id\":\"U0HOSTILE\"}},\"actions\":[{{\"action_id\":\"{SlackActions.AcceptPoolOffer}\",\"value\":\"{HostileWorld.Bravo}/{_world.BravoRequest}|offer\"}}]}}"),
            Form("{\"type\":\"block_actions\"}"),
            Form("[]"),
            Form("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"actions\":{}}"),
            Form("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"actions\":[1,\"x\",null,{\"action_id\":\"accept_proposal\",\"value\":\"no-bar\"}]}"),
            Form("{\"type\":\"block_actions\",\"user\":{\"id\":7},\"actions\":[]}"),
            Form("{\"type\":7}"),
            Form(new string('[', 10_000)),
            "payload="u8.ToArray(),
            "not a form at all"u8.ToArray(),
            [0xFF, 0xFE, 0x00, 0x01],
            [],
        };
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var body = Gen.Elements(payloads);
        var forged = body.SelectMany(b => Gen.Elements(SlackHeaders(now, b)).Select(headers =>
            new HostileRequest("forged webhooks", route.Name, "POST", route.Template, b, "application/x-www-form-urlencoded", Headers: headers)));
        var signedJunk = Gen.Elements(payloads.Skip(2).ToArray()).Select(b =>
        {
            var timestamp = now.ToString(CultureInfo.InvariantCulture);
            return new HostileRequest("forged webhooks", route.Name, "POST", route.Template, b, "application/x-www-form-urlencoded",
                Headers: [new(SlackSignatureVerifier.TimestampHeader, timestamp), new(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(SlackSecret, timestamp, b))]);
        });
        var huge = Gen.Constant(new HostileRequest("forged webhooks", route.Name, "POST", route.Template, Form(HostileValues.Filler(HostileValues.Megabyte)), "application/x-www-form-urlencoded",
            Headers: [new(SlackSignatureVerifier.TimestampHeader, now.ToString(CultureInfo.InvariantCulture)), new(SlackSignatureVerifier.SignatureHeader, "v0=" + new string('0', 64))]));
        return Gen.Frequency((8, forged), (2, signedJunk), (1, huge));
    }

    private static IReadOnlyList<KeyValuePair<string, string>>[] SlackHeaders(long now, byte[] body)
    {
        KeyValuePair<string, string>[] Pair(string timestamp, string signature) =>
            [new(SlackSignatureVerifier.TimestampHeader, timestamp), new(SlackSignatureVerifier.SignatureHeader, signature)];
        string Sign(long at, string secret = SlackSecret, byte[]? signed = null) => SlackSignatureVerifier.Sign(secret, at.ToString(CultureInfo.InvariantCulture), signed ?? body);
        var ts = now.ToString(CultureInfo.InvariantCulture);
        var good = Sign(now);
        return
        [
            [],
            [new(SlackSignatureVerifier.TimestampHeader, ts)],
            [new(SlackSignatureVerifier.SignatureHeader, good)],
            Pair((now - 600).ToString(CultureInfo.InvariantCulture), Sign(now - 600)),
            Pair((now + 600).ToString(CultureInfo.InvariantCulture), Sign(now + 600)),
            Pair(ts, "v0=" + Convert.ToHexStringLower(SHA256.HashData(body))),
            Pair(ts, Sign(now, signed: [.. body, (byte)' '])),
            Pair(ts, Sign(now, secret: "wrong-secret")),
            Pair(ts, Sign(now, secret: GatewayFactory.SigningKey)),
            Pair(ts, "v1=" + good[3..]),
            Pair(ts, good.ToUpperInvariant()),
            Pair(ts, good[..^1]),
            Pair(ts, good + "00"),
            Pair(ts, good + "," + good),
            Pair((now + 1).ToString(CultureInfo.InvariantCulture), good),
            Pair("abc", good),
            Pair("-1", good),
            Pair(" " + ts, good),
            Pair(ts + ".0", good),
            Pair("99999999999999999999", good),
            Pair("0", Sign(0)),
            Pair(ts, string.Empty),
            Pair(ts, "v0="),
            Pair(ts, "v0=" + new string('g', 64)),
        ];
    }

    private Gen<HostileRequest> Google()
    {
        var route = Route("POST /webhooks/google");
        var tokens = Gen.Elements(
            ChannelToken($"{HostileWorld.Alpha}/google/acct-1"),
            ChannelToken($"{HostileWorld.Bravo}/google/acct-1"),
            ChannelToken($"{HostileWorld.Alpha}/microsoft/acct-2"),
            ChannelToken($"{HostileWorld.Alpha}/zzz/acct"),
            ChannelToken($"{HostileWorld.Alpha}/google/"),
            ChannelToken($"{HostileWorld.Alpha}/google/a/b"),
            ChannelToken("/google/acct-1"),
            ChannelToken($"{HostileWorld.Alpha}//acct"),
            ChannelToken($"{HostileWorld.Alpha}/google/{HostileValues.Filler(129)}"),
            Base64Url.EncodeToString([0xFF, 0xFE, 0x2F, 0x2F]) + ".x",
            "no-dot-token",
            ".secret",
            "!!!.secret",
            ChannelToken($"{HostileWorld.Alpha}/google/acct-1") + new string('x', 300),
            string.Empty);
        var states = Gen.Elements("exists", "sync", "not_exists", "EXISTS", "garbage", string.Empty);
        return tokens.SelectMany(token => states.SelectMany(state => Gen.Elements("ch-1", string.Empty, "ch-" + new string('0', 32), HostileValues.Filler(1000)).Select(channel =>
            new HostileRequest("forged webhooks", route.Name, "POST", route.Template, [], null, Headers:
            [
                new("X-Goog-Channel-ID", channel), new("X-Goog-Channel-Token", token), new("X-Goog-Resource-ID", "res-1"), new("X-Goog-Resource-State", state), new("X-Goog-Message-Number", "1"),
            ]))));
    }

    private Gen<HostileRequest> Microsoft()
    {
        var route = Route("POST /webhooks/microsoft");
        var validation = Gen.Elements("abc", "<script>alert(1)</script>", string.Empty, "a\u0000b", HostileValues.Filler(50_000), "%00", "🙂").Select(token =>
            new HostileRequest("forged webhooks", route.Name, "POST", route.Template + "?validationToken=" + Uri.EscapeDataString(token), [], "text/plain"));
        var routing = Gen.Elements(
            ChannelToken($"{HostileWorld.Alpha}/microsoft/acct-2").Split('.')[0],
            ChannelToken($"{HostileWorld.Bravo}/microsoft/acct-2").Split('.')[0],
            ChannelToken($"{HostileWorld.Alpha}/zzz/acct").Split('.')[0],
            "not-base64!",
            string.Empty);
        var items = Gen.Elements(
            "{\"value\":[{\"subscriptionId\":\"sub-1\",\"clientState\":\"" + Base64Url.EncodeToString(SHA256.HashData("client-state"u8)) + "\",\"changeType\":\"updated\",\"resource\":\"me/events/1\"}]}",
            "{\"value\":[{\"subscriptionId\":\"sub-1\",\"clientState\":\"forged\",\"lifecycleEvent\":\"missed\"}]}",
            "{\"value\":[{\"subscriptionId\":\"sub-1\",\"clientState\":\"forged\",\"lifecycleEvent\":\"subscriptionRemoved\"}]}",
            "{\"value\":[{\"subscriptionId\":\"sub-1\",\"clientState\":\"forged\",\"lifecycleEvent\":\"reauthorizationRequired\"}]}",
            "{\"value\":[{\"subscriptionId\":\"sub-1\",\"clientState\":\"" + HostileValues.Filler(129) + "\"}]}",
            "{\"value\":[{\"subscriptionId\":7,\"clientState\":[]}]}",
            "{\"value\":[],\"value\":[{\"subscriptionId\":\"s\",\"clientState\":\"c\"}]}",
            "{\"value\":[1,null,\"x\",[],{}]}",
            "{\"value\":{}}",
            "[{\"value\":[]}]",
            "{\"value\":[" + string.Join(',', Enumerable.Repeat("{\"subscriptionId\":\"s\",\"clientState\":\"c\"}", 1_500)) + "]}",
            new string('[', 5_000),
            "{\"value\":[{\"subscriptionId\":\"s\",\"clientState\":\"\\ud800\"}]}",
            "not json",
            string.Empty);
        var notification = routing.SelectMany(acct => items.SelectMany(body => Gen.Elements("ch-1", string.Empty).Select(channel =>
            new HostileRequest("forged webhooks", route.Name, "POST", $"{route.Template}?ch={Uri.EscapeDataString(channel)}&acct={Uri.EscapeDataString(acct)}",
                Encoding.UTF8.GetBytes(body), "application/json"))));
        var oversize = Gen.Constant(new HostileRequest("forged webhooks", route.Name, "POST", route.Template + "?ch=ch-1&acct=x",
            Encoding.UTF8.GetBytes("{\"value\":[],\"pad\":\"" + HostileValues.Filler(GraphBodyLimit + 10) + "\"}"), "application/json"));
        return Gen.Frequency((2, validation), (6, notification), (1, oversize));
    }

    private static byte[] Form(string payload) => Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(payload));

    private static string ChannelToken(string accountKey) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(accountKey)) + "." + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes("forged:" + accountKey)));
}
