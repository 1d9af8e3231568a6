namespace Scheduler.Gateway.OAuth;

/// <summary>What the OAuth <c>state</c> parameter carries (encrypted) from <c>/start</c> to <c>/callback</c>.</summary>
/// <param name="Tenant">The admin's tenant.</param>
/// <param name="AccountId">The account id to connect.</param>
/// <param name="ParticipantId">The participant that gets the calendar entry; <see langword="null"/> to connect the account only.</param>
/// <param name="CalendarIds">The calendars the participant reads; empty for the primary calendar.</param>
/// <param name="CodeVerifier">The PKCE verifier (RFC 7636) whose challenge was sent to the provider.</param>
public sealed record OAuthState(string Tenant, string AccountId, string? ParticipantId, IReadOnlyList<string> CalendarIds, string CodeVerifier);
