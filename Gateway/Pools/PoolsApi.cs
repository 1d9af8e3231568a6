using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Grains.Indexes;
using Scheduler.Grains.Pools;

namespace Scheduler.Gateway.Pools;

/// <summary><c>/v1/pools</c>: interviewer pools (<c>admin</c> writes; <c>recruiter</c> or <c>admin</c> reads).</summary>
public static class PoolsApi
{
    private const int MaxMembers = 500;

    /// <summary>Maps the pool routes.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapPoolsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/pools").WithTags("Pools").RequireAuthorization();

        api.MapPut("/{id}", PutPool)
            .WithName("PutPool")
            .WithSummary("Creates or replaces an interviewer pool.")
            .WithDescription("Role admin. Body {members:[participantId], strategy: roundRobin | leastLoaded | firstToAccept}. Every member must exist. firstToAccept offers a request's seat to the members free at the slot (Slack DM with an Accept button) and books the first to accept.")
            .RequireAuthorization(SchedulerPolicies.Admin);

        api.MapGet("/", ListPools)
            .WithName("ListPools")
            .WithSummary("Lists the tenant's pools, ordered by id, paged by cursor.")
            .WithDescription("Roles recruiter or admin. Query: cursor (nextCursor of the previous page), limit (1–500, default 100). Items {id, strategy, memberCount}.")
            .RequireAuthorization(SchedulerPolicies.Recruiter);

        api.MapDelete("/{id}", DeletePool)
            .WithName("DeletePool")
            .WithSummary("Deletes an interviewer pool.")
            .WithDescription("Role admin. 204; 404 when unknown; 409 while a first-to-accept offer of the pool is open (requestIds).")
            .RequireAuthorization(SchedulerPolicies.Admin);

        api.MapGet("/{id}", GetPool)
            .WithName("GetPool")
            .WithSummary("Returns an interviewer pool.")
            .RequireAuthorization(SchedulerPolicies.Recruiter);

        return api;
    }

    private static async Task<Results<Ok<PoolView>, ValidationProblem>> PutPool(string id, PoolBody body, TenantGrains grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(FieldRules.IsValidId(id), "id", "1–128 letters, digits or . _ - : @, starting with a letter or digit.");
        var members = body.Members ?? [];
        if (errors.Require(members.Count is > 0 and <= MaxMembers, "members", $"1–{MaxMembers} members are required."))
        {
            FieldRules.CheckParticipantIds(errors, "members", members);
        }

        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }

        var references = new ReferenceChecker(grains);
        var memberErrors = await Task.WhenAll(members.Select(m => references.InterviewerError(m!))).WaitAsync(cancellationToken);
        for (var i = 0; i < members.Count; i++)
        {
            errors.Require(memberErrors[i] is null, FieldPath.Index("members", i), memberErrors[i]!);
        }

        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }

        try
        {
            var pool = await grains.Pool(id).Upsert(new PoolDefinition([.. members.Select(m => m!)], body.Strategy ?? PoolStrategy.RoundRobin)).WaitAsync(cancellationToken);
            return TypedResults.Ok(pool);
        }
        catch (ArgumentException ex)
        {
            return ApiProblems.Invalid(ex.ParamName ?? "members", ex.Message);
        }
    }

    private static async Task<Results<Ok<PoolListResponse>, ValidationProblem>> ListPools(string? cursor, string? limit, TenantGrains grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (after, pageSize) = PageQuery.Parse(errors, cursor, limit);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }

        var page = await grains.ListPools(new DirectoryListQuery(null, after, pageSize!.Value)).WaitAsync(cancellationToken);
        return TypedResults.Ok(new PoolListResponse([.. page.Items.Select(p => new PoolListItem(p.Id, p.Strategy, p.MemberCount))], page.NextCursor));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeletePool(string id, TenantGrains grains, CancellationToken cancellationToken)
    {
        if (!FieldRules.IsValidId(id))
        {
            return ApiProblems.NotFound("pool", id);
        }

        var deletion = await grains.Pool(id).Delete().WaitAsync(cancellationToken);
        if (deletion.Deleted)
        {
            return TypedResults.NoContent();
        }

        return deletion.Existed
            ? ApiProblems.Conflict(
                $"Pool '{FieldRules.Echo(id)}' has open first-to-accept offers for the interview requests {string.Join(", ", deletion.OpenOfferRequestIds.Select(r => $"'{r}'"))}; wait until they are accepted or expire, or cancel the requests.",
                "requestIds",
                deletion.OpenOfferRequestIds)
            : ApiProblems.NotFound("pool", id);
    }

    private static async Task<Results<Ok<PoolView>, ProblemHttpResult>> GetPool(string id, TenantGrains grains, CancellationToken cancellationToken)
    {
        var pool = await grains.FindPool(id, cancellationToken);
        return pool is null ? ApiProblems.NotFound("pool", id) : TypedResults.Ok(pool);
    }
}
