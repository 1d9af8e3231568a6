using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Grains.Calendars;

namespace Scheduler.Gateway.OAuth;

/// <summary>The checks every <c>/v1/oauth/{provider}/start</c> (and <c>/v1/calendar-accounts</c>) makes of the account and participant it names.</summary>
internal static class OAuthStartChecks
{
    /// <summary>Checks the account id (1–128 characters without <c>/</c>) and, when given, the participant id's form.</summary>
    /// <param name="accountId">The account id.</param>
    /// <param name="participantId">The participant id, or <see langword="null"/>.</param>
    /// <returns>The errors so far; the caller adds its provider's own.</returns>
    public static ValidationErrors Target(string? accountId, string? participantId)
    {
        var errors = new ValidationErrors();
        errors.Require(accountId is { Length: > 0 and <= CalendarAccountKeys.MaxAccountIdLength } && !accountId.Contains('/'), "accountId", $"1–{CalendarAccountKeys.MaxAccountIdLength} characters without '/'.");
        if (participantId is not null)
        {
            errors.Require(FieldRules.IsValidId(participantId), "participantId", "Not a valid participant id.");
        }

        return errors;
    }

    /// <summary>Whether a named participant exists in the tenant (no participant named counts as fine).</summary>
    /// <param name="grains">The tenant's grains.</param>
    /// <param name="participantId">The participant id, or <see langword="null"/>.</param>
    /// <returns><see langword="null"/>, or the 400 naming <c>participantId</c>.</returns>
    public static async Task<ValidationProblem?> MissingParticipantAsync(TenantGrains grains, string? participantId) =>
        participantId is not null && await grains.Participant(participantId).GetProfile() is null
            ? ApiProblems.Invalid("participantId", $"No participant '{FieldRules.Echo(participantId)}' exists.")
            : null;
}
