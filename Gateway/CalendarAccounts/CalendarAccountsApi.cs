using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Gateway.OAuth;
using Scheduler.Grains.Calendars;

namespace Scheduler.Gateway.CalendarAccounts;

/// <summary>
/// <c>/v1/calendar-accounts/{provider}/{accountId}</c>: what a connected Google or Microsoft account
/// reports about itself (no secrets), and disconnecting it. Accounts are connected through
/// <c>/v1/oauth/{provider}/start</c>; ids are scoped to the caller's tenant. Role admin.
/// </summary>
public static class CalendarAccountsApi
{
    /// <summary>Maps the routes.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapCalendarAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/calendar-accounts").WithTags("Calendar accounts").RequireAuthorization(SchedulerPolicies.Admin);

        api.MapGet("/{provider}/{accountId}", GetAccount)
            .WithName("GetCalendarAccount")
            .WithSummary("Returns a calendar account: connection, token expiry, push channels, synced calendars and reading participants.")
            .WithDescription("Role admin. provider: google or microsoft. 404 when the account was never connected or was disconnected and nothing reads it.");

        api.MapDelete("/{provider}/{accountId}", DisconnectAccount)
            .WithName("DisconnectCalendarAccount")
            .WithSummary("Disconnects a calendar account: stops its push channels, forgets its tokens and sync state.")
            .WithDescription("Role admin. 204, also when it was not connected. Participants that read it see its calendars as stale until it is connected again.");

        return api;
    }

    private static async Task<Results<Ok<CalendarAccountView>, ValidationProblem, ProblemHttpResult>> GetAccount(string provider, string accountId, TenantGrains grains)
    {
        if (Validate(provider, accountId) is { } invalid)
        {
            return invalid;
        }

        var view = await grains.CalendarAccount(provider, accountId).GetView();
        return view is { Connected: false, Channels.Count: 0, Readers.Count: 0 }
            ? ApiProblems.NotFound("calendar account", $"{provider}/{accountId}")
            : TypedResults.Ok(view);
    }

    private static async Task<Results<NoContent, ValidationProblem>> DisconnectAccount(string provider, string accountId, TenantGrains grains)
    {
        if (Validate(provider, accountId) is { } invalid)
        {
            return invalid;
        }

        await grains.CalendarAccount(provider, accountId).Disconnect();
        return TypedResults.NoContent();
    }

    private static ValidationProblem? Validate(string provider, string accountId)
    {
        var errors = OAuthStartChecks.Target(accountId, participantId: null);
        errors.Require(CalendarProviders.IsAccount(provider), "provider", $"One of {string.Join(", ", CalendarProviders.Accounts)}.");
        return errors.IsEmpty ? null : ApiProblems.Invalid(errors);
    }
}
