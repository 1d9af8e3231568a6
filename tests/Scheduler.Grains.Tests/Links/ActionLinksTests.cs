using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Scheduler.Grains.Links;

namespace Scheduler.Grains.Tests.Links;

/// <summary>Action link tokens: what they name survives the round trip; an altered, foreign or expired one names nothing.</summary>
public sealed class ActionLinksTests
{
    private static readonly DateTimeOffset Now = GrainTestCluster.Start;
    private static readonly ActionLink Link = new(ActionLinkKind.ChooseProposal, "acme", "req-1", "p3", "cand-1", Now.AddDays(14));

    [Fact]
    public void Url_RoundTrip_NamesTheSameActionUnderTheBaseUrl()
    {
        var links = Links(new FakeTimeProvider(Now), new EphemeralDataProtectionProvider());

        var url = links.Url(Link)!;

        Assert.StartsWith("https://scheduler.example/app/act/", url, StringComparison.Ordinal);
        Assert.Equal(Uri.EscapeDataString(Token(url)), Token(url));
        Assert.Equal(Link, links.Read(Token(url)));
        Assert.True(links.Enabled);
    }

    [Fact]
    public void Read_AlteredForeignOrExpiredToken_NamesNothing()
    {
        var time = new FakeTimeProvider(Now);
        var keys = new EphemeralDataProtectionProvider();
        var links = Links(time, keys);
        var token = Token(links.Url(Link)!);

        Assert.Null(links.Read(token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA")));
        Assert.Null(links.Read("not a token"));
        Assert.Null(links.Read(string.Empty));
        Assert.Null(Links(time, new EphemeralDataProtectionProvider()).Read(token));
        Assert.Null(links.Read(keys.CreateProtector("Scheduler.CalendarAccounts.Credentials.v1").Protect(System.Text.Json.JsonSerializer.Serialize(Link))));

        time.Advance(TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1));
        Assert.Equal(Link, links.Read(token));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(links.Read(token));
    }

    [Fact]
    public void Url_WithoutBaseUrl_MakesNoLink()
    {
        var links = new ActionLinks(new EphemeralDataProtectionProvider(), Options.Create(new ActionLinkOptions()), new FakeTimeProvider(Now));

        Assert.False(links.Enabled);
        Assert.Null(links.Url(Link));
    }

    private static ActionLinks Links(TimeProvider time, IDataProtectionProvider keys) =>
        new(keys, Options.Create(new ActionLinkOptions { BaseUrl = new Uri("https://scheduler.example/app") }), time);

    private static string Token(string url) => url[(url.LastIndexOf('/') + 1)..];
}
