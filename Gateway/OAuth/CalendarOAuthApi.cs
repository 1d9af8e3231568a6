using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Calendars.Providers;

namespace Scheduler.Gateway.OAuth;

/// <summary>
/// <c>/v1/oauth/{provider}</c> for every registered <see cref="ICalendarProviderEndpoints"/>: connects a calendar account with the
/// OAuth 2.0 authorization-code flow (RFC 6749 §4.1) and PKCE (RFC 7636). <c>/start</c> (admin) returns the consent
/// URL with a sealed <c>state</c> bound to the tenant, the account and optionally a participant and its calendars
/// (<see cref="ICalendarProviderEndpoints.ConsentCalendarsParameter"/>); where the provider has app-only credentials
/// (<c>appOnly=true</c>, RFC 6749 §4.4) it connects the account at once instead. <c>/callback</c> (where the provider
/// sends the browser back; the sealed state is its authentication) redeems the code, stores the tokens encrypted in
/// the account grain and, when a participant was named, gives it the provider's calendar entry
/// (<see cref="ICalendarProviderEndpoints.Entry"/>). Without the provider's client id, secret and redirect URI the routes answer 404.
/// </summary>
public static class CalendarOAuthApi
{
    /// <summary>Maps the routes of every provider registered in the app's services.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns><paramref name="app"/>.</returns>
    public static IEndpointRouteBuilder MapCalendarOAuthApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var provider in app.ServiceProvider.GetServices<ICalendarProviderEndpoints>())
        {
            var name = provider.DisplayName;
            var api = app.MapGroup($"/v1/oauth/{provider.Provider}").WithTags("Calendar accounts");
            api.MapGet("/start", (string? accountId, string? participantId, bool? appOnly, bool? redirect, HttpContext context, OAuthStateProtector states, TenantGrains grains, TimeProvider time) =>
                    StartAsync(provider, accountId, participantId, appOnly == true, redirect == true, context, states, grains, time))
                .WithName($"Start{name}OAuth")
                .WithSummary($"Starts connecting a {name} calendar account.")
                .WithDescription($"Role admin. Query accountId (1–128 characters, no '/'), optional participantId and {provider.ConsentCalendarsParameter} (comma-separated: the participant's calendars), appOnly (true: connect with the app's client credentials now where {name} has them, answers {{provider, accountId, participantId, accessTokenExpiresAt}}). Otherwise returns {{authorizationUrl, expiresAt}}; with redirect=true answers 302 to it.")
                .RequireAuthorization(SchedulerPolicies.Admin);
            api.MapGet("/callback", (string? code, string? state, string? error, OAuthStateProtector states, IGrainFactory grains, CancellationToken cancellationToken) =>
                    CallbackAsync(provider, code, state, error, states, grains, cancellationToken))
                .WithName($"{name}OAuthCallback")
                .WithSummary($"{name}'s redirect after consent: stores the account's tokens.")
                .WithDescription("Anonymous; authenticated by the sealed state from /start (valid 10 minutes, used once per code).")
                .AllowAnonymous();
        }

        return app;
    }

    private static async Task<Results<Ok<OAuthStartResponse>, Ok<OAuthConnectedResponse>, RedirectHttpResult, ValidationProblem, ProblemHttpResult, NotFound>> StartAsync(
        ICalendarProviderEndpoints provider, string? accountId, string? participantId, bool appOnly, bool redirect, HttpContext context, OAuthStateProtector states, TenantGrains grains, TimeProvider time)
    {
        var oauth = provider.OAuth;
        appOnly &= oauth.CanConnectAppOnly;
        if (!appOnly && !oauth.Configured)
        {
            return TypedResults.NotFound();
        }

        var errors = OAuthStartChecks.Target(accountId, participantId);
        var parameter = provider.ConsentCalendarsParameter;
        string[] ids = [.. context.Request.Query[parameter].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
        if (provider.CheckConsentCalendars(ids, participantId is not null) is { } problem)
        {
            errors.Require(false, parameter, problem);
        }

        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }

        var tenant = grains.Tenant;
        if (await OAuthStartChecks.MissingParticipantAsync(grains, participantId) is { } missing)
        {
            return missing;
        }

        if (appOnly)
        {
            try
            {
                var credentials = await oauth.AppOnlyAsync(context.RequestAborted);
                return TypedResults.Ok(await OAuthRedemption.ConnectAsync(grains, provider, new OAuthState(tenant, accountId!, participantId, ids, string.Empty), credentials));
            }
            catch (CalendarProviderException exception)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: $"{provider.DisplayName} refused the app's client credentials.", detail: exception.Message);
            }
        }

        var verifier = Pkce.NewVerifier();
        var url = oauth.ConsentUrl(states.Protect(new OAuthState(tenant, accountId!, participantId, ids, verifier)), verifier, ids.Length == 1 ? ids[0] : null);
        return redirect
            ? TypedResults.Redirect(url.AbsoluteUri)
            : TypedResults.Ok(new OAuthStartResponse(url, time.GetUtcNow() + OAuthStateProtector.Lifetime));
    }

    private static async Task<Results<Ok<OAuthConnectedResponse>, ValidationProblem, ProblemHttpResult, NotFound>> CallbackAsync(
        ICalendarProviderEndpoints provider, string? code, string? state, string? error, OAuthStateProtector states, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!provider.OAuth.Configured)
        {
            return TypedResults.NotFound();
        }

        var redeemed = await OAuthRedemption.RedeemAsync(code, state, error, provider.DisplayName, states, provider.OAuth.ExchangeCodeAsync, cancellationToken);
        if (redeemed.Invalid is { } invalid)
        {
            return invalid;
        }

        if (redeemed.Refused is { } refused)
        {
            return refused;
        }

        return TypedResults.Ok(await OAuthRedemption.ConnectAsync(new TenantGrains(grains, redeemed.State!.Tenant), provider, redeemed.State, redeemed.Credentials!));
    }
}
