using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Calendars.Providers;

namespace Scheduler.Gateway.OAuth;

/// <summary>
/// What an OAuth callback (<c>/v1/oauth/{provider}/callback</c>) comes to: the state and the redeemed
/// credentials, or the answer that refuses it.
/// </summary>
/// <param name="State">The unsealed state from <c>/start</c>; set when the code was redeemed.</param>
/// <param name="Credentials">The provider's tokens; set when the code was redeemed.</param>
/// <param name="Invalid">400: the state is missing, altered or expired, the provider reported an error, or the code is missing.</param>
/// <param name="Refused">502: the provider's token endpoint refused the code.</param>
internal sealed record OAuthRedemption(OAuthState? State, CalendarCredentials? Credentials, ValidationProblem? Invalid, ProblemHttpResult? Refused)
{
    /// <summary>Checks the callback's parameters and redeems the code (RFC 6749 §4.1.2–4.1.3, with the PKCE verifier of RFC 7636 from the sealed state).</summary>
    /// <param name="code">The authorization code.</param>
    /// <param name="state">The sealed state.</param>
    /// <param name="error">The provider's error code, when consent was refused.</param>
    /// <param name="provider">The provider's name for messages (<c>Google</c>, <c>Microsoft</c>).</param>
    /// <param name="states">Unseals the state.</param>
    /// <param name="exchange">Redeems (code, PKCE verifier) at the provider's token endpoint; throws <see cref="CalendarProviderException"/> when refused.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The redemption.</returns>
    public static async Task<OAuthRedemption> RedeemAsync(
        string? code,
        string? state,
        string? error,
        string provider,
        OAuthStateProtector states,
        Func<string, string, CancellationToken, Task<CalendarCredentials>> exchange,
        CancellationToken cancellationToken)
    {
        var sealedState = states.TryUnprotect(state);
        if (sealedState is null)
        {
            return Invalidated("state", "Missing, altered or expired; start again.");
        }

        if (!string.IsNullOrEmpty(error))
        {
            return Invalidated("error", $"{provider} did not grant access: {error}.");
        }

        if (string.IsNullOrEmpty(code))
        {
            return Invalidated("code", "Required.");
        }

        try
        {
            return new OAuthRedemption(sealedState, await exchange(code, sealedState.CodeVerifier, cancellationToken), null, null);
        }
        catch (CalendarProviderException exception)
        {
            return new OAuthRedemption(null, null, null, TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: $"{provider} refused the authorization code.", detail: exception.Message));
        }
    }

    /// <summary>
    /// Stores the credentials in the account grain and, when the state names a participant that exists and the
    /// provider builds an entry for it (<see cref="ICalendarProviderEndpoints.Entry"/>), puts that entry in its calendars in place
    /// of its entries for the same account (and mailbox, compared ignoring case).
    /// </summary>
    /// <param name="grains">The grains of the state's tenant.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="state">The state.</param>
    /// <param name="credentials">The tokens.</param>
    /// <returns>The response.</returns>
    public static async Task<OAuthConnectedResponse> ConnectAsync(TenantGrains grains, ICalendarProviderEndpoints provider, OAuthState state, CalendarCredentials credentials)
    {
        var view = await grains.CalendarAccount(provider.Provider, state.AccountId).Connect(credentials);
        if (state.ParticipantId is { } participantId && provider.Entry(state.AccountId, state.CalendarIds) is { } entry)
        {
            var participant = grains.Participant(participantId);
            if (await participant.GetProfile() is { } profile)
            {
                bool Replaced(CalendarSpec c) => c.Provider == entry.Provider && c.AccountId == entry.AccountId && string.Equals(c.Mailbox, entry.Mailbox, StringComparison.OrdinalIgnoreCase);
                await participant.UpsertProfile(profile with { Calendars = [.. profile.Calendars.Where(c => !Replaced(c)), entry] });
            }
        }

        return new OAuthConnectedResponse(provider.Provider, state.AccountId, state.ParticipantId, view.AccessTokenExpiresAt);
    }

    private static OAuthRedemption Invalidated(string field, string message) => new(null, null, ApiProblems.Invalid(field, message), null);
}
