using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Scheduler.Gateway.Tests;

/// <summary>Slack v0 request signatures: valid, forged, altered, stale and missing.</summary>
public sealed class SlackSignatureVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("payload=%7B%22type%22%3A%22block_actions%22%7D");

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Verify_SignedWithSecretAndFresh_Valid()
    {
        var (timestamp, signature) = Sign(Secret, _time.GetUtcNow());

        Assert.Equal(SlackSignatureResult.Valid, Verifier().Verify(timestamp, signature, Body));
    }

    [Fact]
    public void Verify_SignedWithOtherSecret_Mismatch()
    {
        var (timestamp, signature) = Sign("not-the-secret", _time.GetUtcNow());

        Assert.Equal(SlackSignatureResult.Mismatch, Verifier().Verify(timestamp, signature, Body));
    }

    [Fact]
    public void Verify_BodyAltered_Mismatch()
    {
        var (timestamp, signature) = Sign(Secret, _time.GetUtcNow());

        Assert.Equal(SlackSignatureResult.Mismatch, Verifier().Verify(timestamp, signature, Encoding.UTF8.GetBytes("payload=%7B%7D")));
    }

    [Fact]
    public void Verify_TimestampSixMinutesOld_Stale()
    {
        var (timestamp, signature) = Sign(Secret, _time.GetUtcNow().AddMinutes(-6));

        Assert.Equal(SlackSignatureResult.Stale, Verifier().Verify(timestamp, signature, Body));
    }

    [Fact]
    public void Verify_SignedFourMinutesAgo_ValidThenStaleAfterClockMoves()
    {
        var (timestamp, signature) = Sign(Secret, _time.GetUtcNow().AddMinutes(-4));
        var verifier = Verifier();

        Assert.Equal(SlackSignatureResult.Valid, verifier.Verify(timestamp, signature, Body));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(SlackSignatureResult.Stale, verifier.Verify(timestamp, signature, Body));
    }

    [Theory]
    [InlineData(null, "v0=00")]
    [InlineData("abc", null)]
    [InlineData("1767603600", "v1=0000000000000000000000000000000000000000000000000000000000000000")]
    public void Verify_MissingOrMalformedHeaders_Malformed(string? timestamp, string? signature)
    {
        Assert.Equal(SlackSignatureResult.Malformed, Verifier().Verify(timestamp, signature, Body));
    }

    [Fact]
    public void Verify_NoSecretConfigured_NotConfigured()
    {
        var (timestamp, signature) = Sign(Secret, _time.GetUtcNow());
        var verifier = new SlackSignatureVerifier(new StaticOptions(new SlackWebhookOptions()), _time);

        Assert.Equal(SlackSignatureResult.NotConfigured, verifier.Verify(timestamp, signature, Body));
    }

    private SlackSignatureVerifier Verifier() => new(new StaticOptions(new SlackWebhookOptions { SigningSecret = Secret }), _time);

    private static (string Timestamp, string Signature) Sign(string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (timestamp, SlackSignatureVerifier.Sign(secret, timestamp, Body));
    }

    private sealed class StaticOptions(SlackWebhookOptions value) : IOptionsMonitor<SlackWebhookOptions>
    {
        public SlackWebhookOptions CurrentValue => value;

        public SlackWebhookOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SlackWebhookOptions, string?> listener) => null;
    }
}
