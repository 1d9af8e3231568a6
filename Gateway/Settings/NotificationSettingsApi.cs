using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Gateway.Auth;
using Scheduler.Gateway.Common;
using Scheduler.Grains.Settings;

namespace Scheduler.Gateway.Settings;

/// <summary><c>/v1/settings/notifications</c>: the caller's tenant's follow-up settings (role <c>admin</c>).</summary>
public static class NotificationSettingsApi
{
    /// <summary>Maps the routes.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapNotificationSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/settings").WithTags("Settings").RequireAuthorization(SchedulerPolicies.Admin);

        api.MapGet("/notifications", GetSettings)
            .WithName("GetNotificationSettings")
            .WithSummary("Returns the tenant's notification settings (follow-ups after interviews).")
            .WithDescription("Role admin. Defaults when never set: feedbackReminder true, followUpDelayMinutes null (host default, 60), candidateThankYou false.");

        api.MapPut("/notifications", PutSettings)
            .WithName("PutNotificationSettings")
            .WithSummary("Replaces the tenant's notification settings.")
            .WithDescription("Role admin. Body {feedbackReminder, followUpDelayMinutes (0–10080 or null), candidateThankYou, thankYouNextSteps (≤ 2000 characters)}; omitted fields take their defaults. Applies to follow-ups planned or fired afterwards.");

        return api;
    }

    private static async Task<Ok<NotificationSettingsResponse>> GetSettings(HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<INotificationSettingsGrain>(context.User.GetTenant());
        var settings = await grain.Get().WaitAsync(cancellationToken);
        var plan = await grain.GetFollowUpPlan().WaitAsync(cancellationToken);
        return TypedResults.Ok(NotificationSettingsResponse.From(settings, plan));
    }

    private static async Task<Results<Ok<NotificationSettingsResponse>, ValidationProblem>> PutSettings(
        NotificationSettingsBody body, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(body.FollowUpDelayMinutes is null or (>= 0 and <= NotificationSettings.MaxFollowUpDelayMinutes), "followUpDelayMinutes", $"0–{NotificationSettings.MaxFollowUpDelayMinutes} minutes, or null for the host default.");
        errors.Require(body.ThankYouNextSteps is null || body.ThankYouNextSteps.Length <= NotificationSettings.MaxNextStepsLength, "thankYouNextSteps", $"At most {NotificationSettings.MaxNextStepsLength} characters.");
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }

        var grain = grains.GetGrain<INotificationSettingsGrain>(context.User.GetTenant());
        try
        {
            var stored = await grain.Set(new NotificationSettings
            {
                FeedbackReminder = body.FeedbackReminder ?? true,
                FollowUpDelayMinutes = body.FollowUpDelayMinutes,
                CandidateThankYou = body.CandidateThankYou ?? false,
                ThankYouNextSteps = body.ThankYouNextSteps,
            }).WaitAsync(cancellationToken);
            var plan = await grain.GetFollowUpPlan().WaitAsync(cancellationToken);
            return TypedResults.Ok(NotificationSettingsResponse.From(stored, plan));
        }
        catch (ArgumentException ex)
        {
            return ApiProblems.Invalid(ex.ParamName ?? "body", ex.Message);
        }
    }
}
