using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Scheduler.Gateway.Webhooks;

/// <summary>
/// Verifies requests from Slack (Slack docs, "Verifying requests from Slack"): the base string
/// <c>v0:{X-Slack-Request-Timestamp}:{raw body}</c> is signed with HMAC-SHA256 under the signing secret and must
/// equal <c>X-Slack-Signature</c> (<c>v0=</c> + lower-case hex), compared in constant time; a timestamp more than
/// <see cref="SlackWebhookOptions.SignatureMaxAgeSeconds"/> (5 minutes) from now is refused. The endpoint answers 401 for
/// anything but <see cref="SlackSignatureResult.Valid"/>.
/// </summary>
public sealed class SlackSignatureVerifier
{
    /// <summary>The timestamp header.</summary>
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Slack-Signature";

    private readonly IOptionsMonitor<SlackWebhookOptions> _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the verifier.</summary>
    /// <param name="options">The Slack settings (signing secret, maximum age).</param>
    /// <param name="time">The clock.</param>
    public SlackSignatureVerifier(IOptionsMonitor<SlackWebhookOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>Verifies one request.</summary>
    /// <param name="timestamp">The <c>X-Slack-Request-Timestamp</c> header (Unix seconds), or <see langword="null"/>.</param>
    /// <param name="signature">The <c>X-Slack-Signature</c> header, or <see langword="null"/>.</param>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <returns>The outcome.</returns>
    public SlackSignatureResult Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        var options = _options.CurrentValue;
        if (string.IsNullOrEmpty(options.SigningSecret))
        {
            return SlackSignatureResult.NotConfigured;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || signature is null || !signature.StartsWith("v0=", StringComparison.Ordinal) || signature.Length != 3 + 64)
        {
            return SlackSignatureResult.Malformed;
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > Math.Max(0, options.SignatureMaxAgeSeconds))
        {
            return SlackSignatureResult.Stale;
        }

        return FixedTimeEquals(Sign(options.SigningSecret, timestamp!, body), signature)
            ? SlackSignatureResult.Valid
            : SlackSignatureResult.Mismatch;
    }

    /// <summary>Computes the <c>v0=</c> signature of a request (also what a test stand-in sends).</summary>
    /// <param name="signingSecret">The signing secret.</param>
    /// <param name="timestamp">The timestamp header value.</param>
    /// <param name="body">The raw body.</param>
    /// <returns><c>v0=</c> followed by 64 lower-case hex digits.</returns>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.UTF8.GetBytes("v0:" + timestamp + ":");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), data);
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
