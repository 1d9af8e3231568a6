using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Gateway.Auth;
using Scheduler.Gateway.Common;
using Scheduler.Grains.Calendars.Google;
using Scheduler.Grains.Participants;

namespace Scheduler.Gateway.OAuth;

/// <summary>
/// <c>/v1/oauth/google</c>: connects a Google Calendar account with the OAuth 2.0
/// authorization-code flow (RFC 6749 §4.1) and PKCE (RFC 7636). <c>/start</c> (admin) returns the
/// consent URL with a sealed <c>state</c> bound to the tenant, the account and optionally a
/// participant; <c>/callback</c> (where Google sends the browser back; the sealed state is its
/// authentication) exchanges the code at the token endpoint, stores the tokens encrypted in the
/// account grain and, when a participant was named, adds the <c>google</c> calendar entry to it.
/// Without <c>Google:ClientId</c>, <c>ClientSecret</c> and <c>RedirectUri</c> both routes answer 404.
/// </summary>
public static class GoogleOAuthApi
{
    /// <summary>Maps the routes.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapGoogleOAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/oauth/google").WithTags("Calendar accounts");

        api.MapGet("/start", Start)
            .WithName("StartGoogleOAuth")
            .WithSummary("Starts connecting a Google Calendar account.")
            .WithDescription("Role admin. Query accountId (1–128 characters, no '/'), optional participantId and calendarIds (comma-separated; empty = primary). Returns {authorizationUrl, expiresAt}; with redirect=true answers 302 to it.")
            .RequireAuthorization(SchedulerPolicies.Admin);

        api.MapGet("/callback", Callback)
            .WithName("GoogleOAuthCallback")
            .WithSummary("Google's redirect after consent: stores the account's tokens.")
            .WithDescription("Anonymous; authenticated by the sealed state from /start (valid 10 minutes, used once per code).")
            .AllowAnonymous();

        return api;
    }

    private static async Task<Results<Ok<OAuthStartResponse>, RedirectHttpResult, ValidationProblem, NotFound>> Start(
        string? accountId,
        string? participantId,
        string? calendarIds,
        bool? redirect,
        HttpContext context,
        GoogleOAuthClient oauth,
        OAuthStateProtector states,
        IGrainFactory grains,
        TimeProvider time)
    {
        if (!oauth.Configured)
        {
            return TypedResults.NotFound();
        }

        var errors = OAuthStartChecks.Target(accountId, participantId);
        var ids = (calendarIds ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        errors.Require(ids.Length <= 500, "calendarIds", "At most 500 calendars.");
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }

        var tenant = context.User.GetTenant();
        if (await OAuthStartChecks.MissingParticipantAsync(grains, tenant, participantId) is { } missing)
        {
            return missing;
        }

        var verifier = Pkce.NewVerifier();
        var state = states.Protect(new OAuthState(tenant, accountId!, participantId, ids, verifier));
        var url = oauth.ConsentUrl(state, verifier);
        return redirect == true
            ? TypedResults.Redirect(url.AbsoluteUri)
            : TypedResults.Ok(new OAuthStartResponse(url, time.GetUtcNow() + OAuthStateProtector.Lifetime));
    }

    private static async Task<Results<Ok<OAuthConnectedResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Callback(
        string? code,
        string? state,
        string? error,
        GoogleOAuthClient oauth,
        OAuthStateProtector states,
        IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        if (!oauth.Configured)
        {
            return TypedResults.NotFound();
        }

        var redeemed = await OAuthRedemption.RedeemAsync(code, state, error, "Google", states, oauth.ExchangeCodeAsync, cancellationToken);
        if (redeemed.Invalid is { } invalid)
        {
            return invalid;
        }

        if (redeemed.Refused is { } refused)
        {
            return refused;
        }

        var sealedState = redeemed.State!;
        var entry = new CalendarSpec(GoogleConnector.ProviderName) { AccountId = sealedState.AccountId, CalendarIds = sealedState.CalendarIds };
        return TypedResults.Ok(await OAuthRedemption.ConnectAsync(
            grains, sealedState, redeemed.Credentials!, GoogleConnector.ProviderName, entry, c => c.Provider == GoogleConnector.ProviderName && c.AccountId == sealedState.AccountId));
    }
}
