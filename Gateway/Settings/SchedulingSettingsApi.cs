using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Gateway.Auth;
using Scheduler.Gateway.Common;
using Scheduler.Grains.Settings;

namespace Scheduler.Gateway.Settings;

/// <summary><c>/v1/settings/scheduling</c>: the caller's tenant's scheduling settings, such as preference learning (role <c>admin</c>).</summary>
public static class SchedulingSettingsApi
{
    /// <summary>Maps the routes.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapSchedulingSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/settings").WithTags("Settings").RequireAuthorization(SchedulerPolicies.Admin);

        api.MapGet("/scheduling", GetSettings)
            .WithName("GetSchedulingSettings")
            .WithSummary("Returns the tenant's scheduling settings (preference learning).")
            .WithDescription("Role admin. Defaults when never set: preferenceLearning true, learningHalfLifeDays 90.");

        api.MapPut("/scheduling", PutSettings)
            .WithName("PutSchedulingSettings")
            .WithSummary("Replaces the tenant's scheduling settings.")
            .WithDescription($"Role admin. Body {{preferenceLearning, learningHalfLifeDays ({SchedulingSettings.MinHalfLifeDays}–{SchedulingSettings.MaxHalfLifeDays})}}; omitted fields take their defaults. With preferenceLearning false nothing new is learned and proposals are scored as if no history existed.");

        return api;
    }

    private static async Task<Ok<SchedulingSettingsResponse>> GetSettings(HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var settings = await grains.GetGrain<ISchedulingSettingsGrain>(context.User.GetTenant()).Get().WaitAsync(cancellationToken);
        return TypedResults.Ok(SchedulingSettingsResponse.From(settings));
    }

    private static async Task<Results<Ok<SchedulingSettingsResponse>, ValidationProblem>> PutSettings(
        SchedulingSettingsBody body, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(
            body.LearningHalfLifeDays is null or (>= SchedulingSettings.MinHalfLifeDays and <= SchedulingSettings.MaxHalfLifeDays),
            "learningHalfLifeDays",
            $"{SchedulingSettings.MinHalfLifeDays}–{SchedulingSettings.MaxHalfLifeDays} days.");
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }

        try
        {
            var stored = await grains.GetGrain<ISchedulingSettingsGrain>(context.User.GetTenant()).Set(new SchedulingSettings
            {
                PreferenceLearning = body.PreferenceLearning ?? true,
                LearningHalfLifeDays = body.LearningHalfLifeDays ?? SchedulingSettings.DefaultHalfLifeDays,
            }).WaitAsync(cancellationToken);
            return TypedResults.Ok(SchedulingSettingsResponse.From(stored));
        }
        catch (ArgumentException ex)
        {
            return ApiProblems.Invalid(ex.ParamName ?? "body", ex.Message);
        }
    }
}
