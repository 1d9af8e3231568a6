using System.Buffers.Text;
using System.Security.Cryptography;

namespace Scheduler.Gateway.Tests.Hostile;

/// <summary>
/// <c>Authorization</c> values: the good ones for Alpha (all roles, or one role) and forgeries the gateway must
/// refuse: expired, not yet valid, wrongly signed, <c>alg: none</c>, re-signed with another algorithm, a tampered payload
/// naming Bravo, wrong issuer or audience, no expiry, a <c>tenant</c> that is an array, missing, empty, malformed, an
/// object or too long, no roles or unknown roles, and values that are not bearer tokens at all.
/// </summary>
internal sealed class HostileTokens
{
    public static readonly string[] AllRoles = ["admin", "ats", "recruiter"];

    private HostileTokens(string all, IReadOnlyDictionary<string, string> single, IReadOnlyList<(string Name, string Value)> forged)
    {
        Valid = all;
        SingleRole = single;
        Forged = forged;
    }

    /// <summary>Alpha with every role.</summary>
    public string Valid { get; }

    /// <summary>Alpha with one role, by role.</summary>
    public IReadOnlyDictionary<string, string> SingleRole { get; }

    /// <summary>Alpha with no role at all.</summary>
    public string NoRole => Forged.First(f => f.Name == "no-roles").Value;

    /// <summary>Values that must never get past authentication or authorization, with their names.</summary>
    public IReadOnlyList<(string Name, string Value)> Forged { get; }

    public static HostileTokens Create()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var alpha = HostileWorld.Alpha;
        var valid = Tokens.Mint(alpha, AllRoles);
        var single = AllRoles.ToDictionary(r => r, r => Bearer(Tokens.Mint(alpha, [r])), StringComparer.Ordinal);
        var parts = valid.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        var forged = new List<(string, string)>
        {
            ("expired", Bearer(Tokens.Mint(alpha, AllRoles, expires: now.AddMinutes(-10)))),
            ("not-yet-valid", Bearer(Tokens.Mint(alpha, AllRoles, expires: now.AddHours(5)))),
            ("wrong-key", Bearer(Tokens.Mint(alpha, AllRoles, key: "another-signing-key-0123456789abcdef-xyz"))),
            ("development-key", Bearer(Tokens.Mint(alpha, AllRoles, key: "scheduler-development-key-do-not-use-in-production"))),
            ("wrong-issuer", Bearer(Tokens.Mint(alpha, AllRoles, issuer: "evil"))),
            ("wrong-audience", Bearer(Tokens.Mint(alpha, AllRoles, audience: "other-api"))),
            ("alg-none", Bearer(Raw(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }, payload, signature: string.Empty))),
            ("alg-none-with-signature", Bearer(Raw(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }, payload, signature: parts[2]))),
            ("alg-none-lowercase", Bearer(Raw(new JsonObject { ["alg"] = "None" }, payload, signature: string.Empty))),
            ("hs512-same-key", Bearer(Signed("HS512", payload, GatewayFactory.SigningKey))),
            ("tampered-tenant", Bearer(Raw(JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject(), With(payload, "tenant", HostileWorld.Bravo), signature: parts[2]))),
            ("tampered-roles", Bearer(Raw(JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject(), With(payload, "roles", new JsonArray("admin", "root")), signature: parts[2]))),
            ("no-expiry", Bearer(Signed("HS256", Without(payload, "exp"), GatewayFactory.SigningKey))),
            ("no-issuer", Bearer(Signed("HS256", Without(payload, "iss"), GatewayFactory.SigningKey))),
            ("kid-and-jku", Bearer(Raw(new JsonObject { ["alg"] = "HS256", ["kid"] = "../../../dev/null", ["jku"] = "http://127.0.0.1:9/keys" }, payload, Base64Url.EncodeToString(SHA256.HashData("kid"u8))))),
            ("tenant-array", Bearer(Tokens.Mint(new[] { alpha, HostileWorld.Bravo }, AllRoles))),
            ("tenant-array-bravo-first", Bearer(Tokens.Mint(new[] { HostileWorld.Bravo, alpha }, AllRoles))),
            ("tenant-array-empty", Bearer(Tokens.Mint(Array.Empty<string>(), AllRoles))),
            ("no-tenant", Bearer(Tokens.Mint(null, AllRoles))),
            ("empty-tenant", Bearer(Tokens.Mint(string.Empty, AllRoles))),
            ("slash-tenant", Bearer(Tokens.Mint($"{alpha}/../{HostileWorld.Bravo}", AllRoles))),
            ("space-tenant", Bearer(Tokens.Mint("hostile alpha", AllRoles))),
            ("long-tenant", Bearer(Tokens.Mint(new string('t', 65), AllRoles))),
            ("object-tenant", Bearer(Signed("HS256", With(payload, "tenant", new JsonObject { ["id"] = HostileWorld.Bravo, ["x"] = "y z" }), GatewayFactory.SigningKey))),
            ("null-tenant", Bearer(Signed("HS256", With(payload, "tenant", null), GatewayFactory.SigningKey))),
            ("no-roles", Bearer(Tokens.Mint(alpha, []))),
            ("unknown-roles", Bearer(Tokens.Mint(alpha, ["Admin", "ADMIN", "root", "admin "]))),
            ("scope-without-role", Bearer(Tokens.Mint(alpha, [], scope: "read write openid"))),
            ("roles-object", Bearer(Signed("HS256", With(payload, "roles", new JsonObject { ["admin"] = true }), GatewayFactory.SigningKey))),
            ("garbage", "Bearer not.a.jwt"),
            ("three-dots", "Bearer ..."),
            ("empty-bearer", "Bearer "),
            ("bearer-only", "Bearer"),
            ("basic", "Basic YWRtaW46YWRtaW4="),
            ("truncated", Bearer(valid[..(valid.Length / 2)])),
            ("signature-flipped", Bearer(parts[0] + "." + parts[1] + "." + Flip(parts[2]))),
            ("huge", Bearer(parts[0] + "." + new string('A', 300_000) + "." + parts[2])),
            ("control-characters", "Bearer \u0001\u0002\u007f"),
        };
        return new HostileTokens(Bearer(valid), single, forged);
    }

    private static string Bearer(string token) => "Bearer " + token;

    private static string Raw(JsonObject header, JsonObject payload, string signature) =>
        $"{Encode(header)}.{Encode(payload)}.{signature}";

    private static string Signed(string alg, JsonObject payload, string key)
    {
        var unsigned = $"{Encode(new JsonObject { ["alg"] = alg, ["typ"] = "JWT" })}.{Encode(payload)}";
        var data = Encoding.ASCII.GetBytes(unsigned);
        var keyBytes = Encoding.UTF8.GetBytes(key);
        var mac = alg == "HS512" ? HMACSHA512.HashData(keyBytes, data) : HMACSHA256.HashData(keyBytes, data);
        return unsigned + "." + Base64Url.EncodeToString(mac);
    }

    private static string Encode(JsonObject value) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(value.ToJsonString()));

    private static JsonObject With(JsonObject payload, string name, JsonNode? value)
    {
        var copy = payload.DeepClone().AsObject();
        copy[name] = value;
        return copy;
    }

    private static JsonObject Without(JsonObject payload, string name)
    {
        var copy = payload.DeepClone().AsObject();
        copy.Remove(name);
        return copy;
    }

    private static string Flip(string signature) =>
        (signature[0] == 'A' ? 'B' : 'A') + signature[1..];
}
