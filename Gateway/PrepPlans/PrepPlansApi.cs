using Microsoft.AspNetCore.Http.HttpResults;

namespace Scheduler.Gateway.PrepPlans;

/// <summary>
/// <c>/v1/interview-requests/{id}/prep-plan</c>: the candidate's prep plan for a booked interview (DESIGN.md §4):
/// plan or re-plan, read, delete.
/// </summary>
public static class PrepPlansApi
{
    private const string What = "interview request";

    /// <summary>Maps the prep plan routes.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapPrepPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/interview-requests/{id}/prep-plan").WithTags("Prep plans").RequireAuthorization();

        api.MapPost("/", PostPrepPlan)
            .WithName("PlanPrep")
            .WithSummary("Plans (or re-plans) the candidate's prep blocks before the booked interview.")
            .WithDescription("Role recruiter. Optional body {totalHours (30–50, default 40), maxHoursPerDay (1–12, default 6), minBlockMinutes (15–240, default 60), "
                + "maxBlockMinutes (up to 480, default 180), restHoursBeforeInterview (0–168, default 12), addToCalendar (default false)}; fields left out come from the request's prep. "
                + "Blocks lie in the candidate's free working time in their zone, front-loaded. 200 with the plan; 409 unless the request is booked; 400 names the field.")
            .RequireAuthorization(SchedulerPolicies.Recruiter);

        api.MapGet("/", GetPrepPlan)
            .WithName("GetPrepPlan")
            .WithSummary("Returns the candidate's prep plan.")
            .WithDescription("Roles ats or recruiter. 404 when the request has no plan (never planned, deleted, or the interview has no booking).")
            .RequireAuthorization(SchedulerPolicies.RequestReader);

        api.MapDelete("/", DeletePrepPlan)
            .WithName("DeletePrepPlan")
            .WithSummary("Deletes the prep plan and withdraws its blocks from the candidate's calendar.")
            .WithDescription("Role recruiter. 204; 404 when there is no plan. The request's own prep settings no longer plan it again.")
            .RequireAuthorization(SchedulerPolicies.Recruiter);

        return api;
    }

    private static async Task<Results<Ok<PrepPlanResponse>, ValidationProblem, ProblemHttpResult>> PostPrepPlan(
        string id, PrepPlanBody? body, TenantGrains grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var outcome = await PrepPlanning.PlanAsync(grains, id, body ?? new PrepPlanBody(), errors, cancellationToken);
        return outcome.Error switch
        {
            CommandError.None => TypedResults.Ok(PrepPlanResponse.From(outcome.Plan!)),
            CommandError.NotFound => ApiProblems.NotFound(What, id),
            CommandError.InvalidArgument when !errors.IsEmpty => ApiProblems.Invalid(errors),
            _ => ApiProblems.Conflict(outcome.Message),
        };
    }

    private static async Task<Results<Ok<PrepPlanResponse>, ProblemHttpResult>> GetPrepPlan(string id, TenantGrains grains, CancellationToken cancellationToken)
    {
        var plan = FieldRules.IsValidId(id) ? await grains.PrepPlan(id).Get().WaitAsync(cancellationToken) : null;
        return plan is null ? NoPlan(id) : TypedResults.Ok(PrepPlanResponse.From(plan));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeletePrepPlan(string id, TenantGrains grains, CancellationToken cancellationToken)
    {
        var deleted = FieldRules.IsValidId(id) && await grains.PrepPlan(id).Delete().WaitAsync(cancellationToken);
        return deleted ? TypedResults.NoContent() : NoPlan(id);
    }

    private static ProblemHttpResult NoPlan(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"The {What} '{FieldRules.Echo(id)}' has no prep plan.");
}
