using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Grains.Calendars.Network;
using Scheduler.Grains.Indexes;

namespace Scheduler.Gateway.Participants;

/// <summary>
/// <c>/v1/participants</c>: profiles (<c>admin</c> writes; <c>recruiter</c> or <c>admin</c> reads), explicit
/// busy blocks, busy time and free slots. Ids are scoped to the caller's tenant.
/// </summary>
public static class ParticipantsApi
{
    private const int MaxBlocks = 10_000;

    /// <summary>Maps the participant routes.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapParticipantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/participants").WithTags("Participants").RequireAuthorization();

        api.MapPut("/{id}", PutParticipant)
            .WithName("PutParticipant")
            .WithSummary("Creates or replaces a participant.")
            .WithDescription("Role admin. 201 when created, 200 when replaced; 400 names the invalid field (e.g. timeZone, workingHours[0].start).")
            .RequireAuthorization(SchedulerPolicies.Admin);

        api.MapGet("/", ListParticipants)
            .WithName("ListParticipants")
            .WithSummary("Lists the tenant's participants, ordered by id, optionally of one kind, paged by cursor.")
            .WithDescription("Roles recruiter or admin. Query: kind (candidate, interviewer, coordinator, room), cursor (nextCursor of the previous page), limit (1–500, default 100). Items {id, displayName, kind, timeZone}.")
            .RequireAuthorization(SchedulerPolicies.Recruiter);

        api.MapDelete("/{id}", DeleteParticipant)
            .WithName("DeleteParticipant")
            .WithSummary("Deletes a participant.")
            .WithDescription("Role admin. 204; 404 when unknown; 409 while it is a pool member (pools) or has bookings that have not ended or live holds (requestIds), unless force=true, which cancels those requests (reason \"participant removed\"; people are notified as for any cancel) and then deletes.")
            .RequireAuthorization(SchedulerPolicies.Admin);

        api.MapGet("/{id}", GetParticipant)
            .WithName("GetParticipant")
            .WithSummary("Returns a participant (secrets removed).")
            .RequireAuthorization(SchedulerPolicies.Recruiter);

        api.MapPut("/{id}/blocks", PutBlocks)
            .WithName("PutParticipantBlocks")
            .WithSummary("Replaces the participant's explicit busy blocks.")
            .WithDescription("Role admin. Body: [{start, end, title}] (RFC 3339), at most 10,000; an empty array clears them.")
            .RequireAuthorization(SchedulerPolicies.Admin);

        api.MapGet("/{id}/busy", GetBusy)
            .WithName("GetParticipantBusy")
            .WithSummary("Busy intervals in [from, to) with their source (calendar, block, booking, hold).")
            .WithDescription("Query: from, to (RFC 3339, at most 90 days apart).")
            .RequireAuthorization(SchedulerPolicies.Recruiter);

        api.MapGet("/{id}/availability", GetAvailability)
            .WithName("GetParticipantAvailability")
            .WithSummary("Free working time and aligned slots in [from, to).")
            .WithDescription("Query: from, to (RFC 3339, at most 90 days apart), durationMinutes (1–480), granularityMinutes (divides 1440; default 15). Slots align to local midnight in the participant's zone.")
            .RequireAuthorization(SchedulerPolicies.Recruiter);

        return api;
    }

    private static async Task<Results<Ok<ParticipantResponse>, Created<ParticipantResponse>, ValidationProblem>> PutParticipant(
        string id, ParticipantBody body, TenantGrains grains, ICalendarHostCheck hosts, CancellationToken cancellationToken)
    {
        var write = await ParticipantWriter.SaveAsync(grains, id, body, hosts, cancellationToken);
        if (write.Stored is null)
        {
            return ApiProblems.Invalid(write.Errors);
        }

        var response = ParticipantResponse.From(id, write.Stored);
        return write.Created ? TypedResults.Created($"/v1/participants/{Uri.EscapeDataString(id)}", response) : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<ParticipantListResponse>, ValidationProblem>> ListParticipants(
        string? kind, string? cursor, string? limit, TenantGrains grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        ParticipantKind? kindFilter = null;
        if (kind is not null)
        {
            if (Enum.TryParse<ParticipantKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _))
            {
                kindFilter = parsed;
            }
            else
            {
                errors.Add("kind", "One of candidate, interviewer, coordinator, room.");
            }
        }

        var (after, pageSize) = PageQuery.Parse(errors, cursor, limit);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }

        var page = await grains.ListParticipants(new DirectoryListQuery(kindFilter, after, pageSize!.Value)).WaitAsync(cancellationToken);
        return TypedResults.Ok(new ParticipantListResponse(page.Items, page.NextCursor));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteParticipant(
        string id, string? force, TenantGrains grains, TimeProvider time, CancellationToken cancellationToken)
    {
        var forced = false;
        if (!string.IsNullOrEmpty(force) && !bool.TryParse(force, out forced))
        {
            return ApiProblems.Invalid("force", "true or false.");
        }

        return await ParticipantRemover.DeleteAsync(grains, id, forced, time, cancellationToken);
    }

    /// <summary>The profile; calendar URLs in full only for a caller who may write it (<c>admin</c>), cut to scheme and host otherwise.</summary>
    private static async Task<Results<Ok<ParticipantResponse>, ProblemHttpResult>> GetParticipant(
        string id, TenantGrains grains, ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var profile = await grains.FindParticipant(id, cancellationToken);
        if (profile is null)
        {
            return ApiProblems.NotFound("participant", id);
        }

        var response = ParticipantResponse.From(id, profile);
        return TypedResults.Ok((await authorization.AuthorizeAsync(user, SchedulerPolicies.Admin)).Succeeded ? response : response.WithoutCalendarUrls());
    }

    private static async Task<Results<Ok<IReadOnlyList<BusyBlock>>, ValidationProblem, ProblemHttpResult>> PutBlocks(
        string id, IReadOnlyList<BlockBody?> body, TenantGrains grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        FieldRules.CheckEach(errors, string.Empty, body, MaxBlocks, $"At most {MaxBlocks} blocks.", (path, block) => CheckBlock(errors, path, block));
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }

        if (await grains.FindParticipant(id, cancellationToken) is null)
        {
            return ApiProblems.NotFound("participant", id);
        }

        var grain = grains.Participant(id);

        IReadOnlyList<BusyBlock> blocks = [.. body.Select(b => new BusyBlock(b!.Start!.Value.ToUniversalTime(), b.End!.Value.ToUniversalTime(), b.Title))];
        try
        {
            await grain.ReplaceBlocks(blocks).WaitAsync(cancellationToken);
        }
        catch (ArgumentException ex)
        {
            return ApiProblems.Invalid(ex.ParamName ?? "body", ParticipantWriter.FirstLine(ex.Message));
        }

        return TypedResults.Ok(blocks);
    }

    private static async Task<Results<Ok<BusyResponse>, ValidationProblem, ProblemHttpResult>> GetBusy(
        string id, string? from, string? to, TenantGrains grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var range = QueryWindow.Parse(errors, from, to);
        if (range is null)
        {
            return ApiProblems.Invalid(errors);
        }

        if (await grains.FindParticipant(id, cancellationToken) is null)
        {
            return ApiProblems.NotFound("participant", id);
        }

        var grain = grains.Participant(id);

        var busy = await grain.GetBusy(range).WaitAsync(cancellationToken);
        var intervals = busy.Intervals
            .Select(i => new BusyIntervalResponse(i.Start, i.End, i.Source, i.RequestId is null ? null : grains.ToLocalId(i.RequestId), i.Title))
            .ToList();
        return TypedResults.Ok(new BusyResponse(intervals, busy.FetchedAt, busy.Stale, busy.Calendars));
    }

    private static async Task<Results<Ok<AvailabilityResponse>, ValidationProblem, ProblemHttpResult>> GetAvailability(
        string id, string? from, string? to, string? durationMinutes, string? granularityMinutes, TenantGrains grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var range = QueryWindow.Parse(errors, from, to);
        var duration = QueryWindow.ParseInt(errors, "durationMinutes", durationMinutes, null, 1, FieldRules.MaxDurationMinutes);
        var granularity = QueryWindow.ParseInt(errors, "granularityMinutes", granularityMinutes, 15, 1, 1440);
        if (granularity is { } g && 1440 % g != 0)
        {
            errors.Add("granularityMinutes", "Must divide 1440 (e.g. 5, 10, 15, 30, 60).");
        }

        if (!errors.IsEmpty || range is null || duration is null || granularity is null)
        {
            return ApiProblems.Invalid(errors);
        }

        if (await grains.FindParticipant(id, cancellationToken) is null)
        {
            return ApiProblems.NotFound("participant", id);
        }

        var grain = grains.Participant(id);

        var view = await grain.GetAvailability(new AvailabilityQuery(range, duration.Value, granularity.Value)).WaitAsync(cancellationToken);
        return TypedResults.Ok(new AvailabilityResponse(view.Free, view.Slots));
    }

    private static void CheckBlock(ValidationErrors errors, string path, BlockBody block)
    {
        FieldRules.CheckWindow(errors, path, block.Start, block.End, maxDays: null);
        if (block.Title is not null)
        {
            errors.Require(block.Title.Length <= 200, FieldPath.Member(path, "title"), "At most 200 characters.");
        }
    }
}
