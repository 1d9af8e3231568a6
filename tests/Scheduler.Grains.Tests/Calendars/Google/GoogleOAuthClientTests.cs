using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Calendars.Providers;
using Scheduler.Testing.StandIns.Google;

namespace Scheduler.Grains.Tests.Calendars.Google;

public sealed class GoogleOAuthClientTests
{
    [Fact]
    public async Task ExchangeCode_WithMatchingPkceVerifier_IssuesAccessAndRefreshTokens()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var verifier = Pkce.NewVerifier();
        var consent = google.OAuth.ConsentUrl("state-1", verifier);
        var callback = google.StandIn.Consent(consent);
        var code = System.Web.HttpUtility.ParseQueryString(callback.Query)["code"]!;

        var credentials = await google.OAuth.ExchangeCodeAsync(code, verifier, CancellationToken.None);

        Assert.Contains("access_type=offline", consent.Query, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", consent.Query, StringComparison.Ordinal);
        Assert.Equal("state-1", System.Web.HttpUtility.ParseQueryString(callback.Query)["state"]);
        Assert.NotNull(credentials.RefreshToken);
        Assert.Equal(GrainTestCluster.Start + GoogleStandIn.AccessTokenLifetime, credentials.ExpiresAt);
        Assert.Equal(["authorization_code"], google.StandIn.Grants);
    }

    [Fact]
    public async Task ExchangeCode_WrongVerifierOrReusedCode_InvalidGrant()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var verifier = Pkce.NewVerifier();
        var code = System.Web.HttpUtility.ParseQueryString(google.StandIn.Consent(google.OAuth.ConsentUrl("s", verifier)).Query)["code"]!;

        var wrong = await Assert.ThrowsAsync<CalendarProviderException>(() => google.OAuth.ExchangeCodeAsync(code, Pkce.NewVerifier(), CancellationToken.None));
        var reused = await Assert.ThrowsAsync<CalendarProviderException>(() => google.OAuth.ExchangeCodeAsync(code, verifier, CancellationToken.None));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (wrong.Status, wrong.Reason));
        Assert.Equal("invalid_grant", reused.Reason);
    }

    [Fact]
    public async Task Refresh_KeepsRefreshTokenAndIssuesNewAccessToken()
    {
        await using var google = await GoogleClientServices.StartAsync();
        var issued = google.StandIn.IssueCredentials();

        var refreshed = await google.OAuth.RefreshAsync(issued, CancellationToken.None);

        Assert.NotEqual(issued.AccessToken, refreshed.AccessToken);
        Assert.Equal(issued.RefreshToken, refreshed.RefreshToken);
        Assert.Equal(["refresh_token"], google.StandIn.Grants);
    }
}
