using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Gateway.Auth;
using Scheduler.Gateway.Common;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Calendars.Google;
using Scheduler.Grains.Calendars.Microsoft;
using Scheduler.Grains.Participants;

namespace Scheduler.Gateway.OAuth;

/// <summary>
/// <c>/v1/oauth/microsoft</c>: connects a Microsoft 365 calendar account. <c>/start</c> (admin)
/// returns the Microsoft identity platform consent URL (authorization-code flow with PKCE, RFC 6749
/// §4.1, RFC 7636) with a sealed <c>state</c> bound to the tenant, the account and optionally a
/// participant and mailbox; with <c>appOnly=true</c> it instead gets an app-only token (client
/// credentials, RFC 6749 §4.4, for an app granted <c>Calendars.ReadWrite</c> application
/// permission by the organisation's admin) and connects the account at once. <c>/callback</c>
/// (where the identity platform sends the browser back; the sealed state is its authentication)
/// redeems the code, stores the tokens encrypted in the account grain and, when a participant was
/// named, adds the <c>microsoft</c> calendar entry (account and mailbox) to it. Without
/// <c>Microsoft:ClientId</c> and <c>ClientSecret</c> (and <c>RedirectUri</c> for the consent flow)
/// the routes answer 404.
/// </summary>
public static class MicrosoftOAuthApi
{
    /// <summary>Maps the routes.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapMicrosoftOAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/oauth/microsoft").WithTags("Calendar accounts");

        api.MapGet("/start", Start)
            .WithName("StartMicrosoftOAuth")
            .WithSummary("Starts connecting a Microsoft 365 calendar account.")
            .WithDescription("Role admin. Query accountId (1–128 characters, no '/'), optional participantId and mailbox (the participant's SMTP address, required with participantId), appOnly (true: connect with the app's client credentials now, answers {provider, accountId, participantId, accessTokenExpiresAt}). Otherwise returns {authorizationUrl, expiresAt}; with redirect=true answers 302 to it.")
            .RequireAuthorization(SchedulerPolicies.Admin);

        api.MapGet("/callback", Callback)
            .WithName("MicrosoftOAuthCallback")
            .WithSummary("The identity platform's redirect after consent: stores the account's tokens.")
            .WithDescription("Anonymous; authenticated by the sealed state from /start (valid 10 minutes, used once per code).")
            .AllowAnonymous();

        return api;
    }

    private static async Task<Results<Ok<OAuthStartResponse>, Ok<OAuthConnectedResponse>, RedirectHttpResult, ValidationProblem, ProblemHttpResult, NotFound>> Start(
        string? accountId,
        string? participantId,
        string? mailbox,
        bool? appOnly,
        bool? redirect,
        HttpContext context,
        MicrosoftOAuthClient oauth,
        OAuthStateProtector states,
        IGrainFactory grains,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (appOnly == true ? !oauth.HasClient : !oauth.Configured)
        {
            return TypedResults.NotFound();
        }

        var errors = OAuthStartChecks.Target(accountId, participantId);
        if (participantId is not null)
        {
            errors.Require(mailbox is { Length: > 2 and <= 320 } && mailbox.Contains('@'), "mailbox", "The participant's mailbox (an SMTP address) is required with participantId.");
        }

        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }

        var tenant = context.User.GetTenant();
        if (await OAuthStartChecks.MissingParticipantAsync(grains, tenant, participantId) is { } missing)
        {
            return missing;
        }

        IReadOnlyList<string> mailboxes = mailbox is null ? [] : [mailbox];
        if (appOnly == true)
        {
            CalendarCredentials credentials;
            try
            {
                credentials = await oauth.AppOnlyAsync(cancellationToken);
            }
            catch (CalendarProviderException exception)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Microsoft refused the app's client credentials.", detail: exception.Message);
            }

            return TypedResults.Ok(await ConnectAsync(grains, new OAuthState(tenant, accountId!, participantId, mailboxes, string.Empty), credentials));
        }

        var verifier = Pkce.NewVerifier();
        var state = states.Protect(new OAuthState(tenant, accountId!, participantId, mailboxes, verifier));
        var url = oauth.ConsentUrl(state, verifier, mailbox);
        return redirect == true
            ? TypedResults.Redirect(url.AbsoluteUri)
            : TypedResults.Ok(new OAuthStartResponse(url, time.GetUtcNow() + OAuthStateProtector.Lifetime));
    }

    private static async Task<Results<Ok<OAuthConnectedResponse>, ValidationProblem, ProblemHttpResult, NotFound>> Callback(
        string? code,
        string? state,
        string? error,
        MicrosoftOAuthClient oauth,
        OAuthStateProtector states,
        IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        if (!oauth.Configured)
        {
            return TypedResults.NotFound();
        }

        var redeemed = await OAuthRedemption.RedeemAsync(code, state, error, "Microsoft", states, oauth.ExchangeCodeAsync, cancellationToken);
        if (redeemed.Invalid is { } invalid)
        {
            return invalid;
        }

        if (redeemed.Refused is { } refused)
        {
            return refused;
        }

        return TypedResults.Ok(await ConnectAsync(grains, redeemed.State!, redeemed.Credentials!));
    }

    /// <summary>Connects the account; a participant named with one mailbox gets the <c>microsoft</c> entry for it.</summary>
    private static Task<OAuthConnectedResponse> ConnectAsync(IGrainFactory grains, OAuthState state, CalendarCredentials credentials)
    {
        var entry = state.CalendarIds.Count == 1 ? new CalendarSpec(MicrosoftConnector.ProviderName) { AccountId = state.AccountId, Mailbox = state.CalendarIds[0] } : null;
        return OAuthRedemption.ConnectAsync(grains, state, credentials, MicrosoftConnector.ProviderName, entry, c =>
            c.Provider == MicrosoftConnector.ProviderName && c.AccountId == state.AccountId && string.Equals(c.Mailbox, entry?.Mailbox, StringComparison.OrdinalIgnoreCase));
    }
}
