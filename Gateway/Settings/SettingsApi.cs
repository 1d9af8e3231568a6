using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Grains.Settings;

namespace Scheduler.Gateway.Settings;

/// <summary>
/// <c>/v1/settings</c>: the caller's tenant's notification settings (follow-ups after interviews) and scheduling settings
/// (preference learning, candidate reschedules), read and replaced whole (role <c>admin</c>).
/// </summary>
public static class SettingsApi
{
    /// <summary>Maps the routes.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/settings").WithTags("Settings").RequireAuthorization(SchedulerPolicies.Admin);

        api.MapGet("/notifications", GetNotificationSettings)
            .WithName("GetNotificationSettings")
            .WithSummary("Returns the tenant's notification settings (follow-ups after interviews).")
            .WithDescription("Role admin. Defaults when never set: feedbackReminder true, followUpDelayMinutes null (host default, 60), candidateThankYou false.");

        api.MapPut("/notifications", PutNotificationSettings)
            .WithName("PutNotificationSettings")
            .WithSummary("Replaces the tenant's notification settings.")
            .WithDescription("Role admin. Body {feedbackReminder, followUpDelayMinutes (0–10080 or null), candidateThankYou, thankYouNextSteps (≤ 2000 characters)}; omitted fields take their defaults. Applies to follow-ups planned or fired afterwards.");

        api.MapGet("/scheduling", GetSchedulingSettings)
            .WithName("GetSchedulingSettings")
            .WithSummary("Returns the tenant's scheduling settings (preference learning, candidate reschedules).")
            .WithDescription("Role admin. Defaults when never set: preferenceLearning true, learningHalfLifeDays 90, candidateRescheduling false, candidateRescheduleCutoffHours 24, maxCandidateReschedules 2.");

        api.MapPut("/scheduling", PutSchedulingSettings)
            .WithName("PutSchedulingSettings")
            .WithSummary("Replaces the tenant's scheduling settings.")
            .WithDescription($"Role admin. Body {{preferenceLearning, learningHalfLifeDays ({SchedulingSettings.MinHalfLifeDays}–{SchedulingSettings.MaxHalfLifeDays}), candidateRescheduling, candidateRescheduleCutoffHours (0–{SchedulingSettings.MaxCutoffHours}), maxCandidateReschedules (1–{SchedulingSettings.MaxReschedulesLimit})}}; omitted fields take their defaults. With preferenceLearning false nothing new is learned and proposals are scored as if no history existed. With candidateRescheduling true, a candidate's booking email carries a link that releases the booking and proposes new times to them.");

        return api;
    }

    private static async Task<Ok<NotificationSettingsResponse>> GetNotificationSettings(TenantGrains grains, CancellationToken cancellationToken)
    {
        var grain = grains.NotificationSettings();
        var settings = await grain.Get().WaitAsync(cancellationToken);
        var plan = await grain.GetFollowUpPlan().WaitAsync(cancellationToken);
        return TypedResults.Ok(NotificationSettingsResponse.From(settings, plan));
    }

    private static async Task<Results<Ok<NotificationSettingsResponse>, ValidationProblem>> PutNotificationSettings(
        NotificationSettingsBody body, TenantGrains grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Require(body.FollowUpDelayMinutes is null or (>= 0 and <= NotificationSettings.MaxFollowUpDelayMinutes), "followUpDelayMinutes", $"0–{NotificationSettings.MaxFollowUpDelayMinutes} minutes, or null for the host default.");
        errors.Require(body.ThankYouNextSteps is null || body.ThankYouNextSteps.Length <= NotificationSettings.MaxNextStepsLength, "thankYouNextSteps", $"At most {NotificationSettings.MaxNextStepsLength} characters.");
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }

        var grain = grains.NotificationSettings();
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

    private static async Task<Ok<SchedulingSettingsResponse>> GetSchedulingSettings(TenantGrains grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(SchedulingSettingsResponse.From(await grains.SchedulingSettings().Get().WaitAsync(cancellationToken)));

    private static async Task<Results<Ok<SchedulingSettingsResponse>, ValidationProblem>> PutSchedulingSettings(
        SchedulingSettingsBody body, TenantGrains grains, CancellationToken cancellationToken)
    {
        var defaults = new SchedulingSettings();
        var settings = new SchedulingSettings
        {
            PreferenceLearning = body.PreferenceLearning ?? defaults.PreferenceLearning,
            LearningHalfLifeDays = body.LearningHalfLifeDays ?? defaults.LearningHalfLifeDays,
            CandidateRescheduling = body.CandidateRescheduling ?? defaults.CandidateRescheduling,
            CandidateRescheduleCutoffHours = body.CandidateRescheduleCutoffHours ?? defaults.CandidateRescheduleCutoffHours,
            MaxCandidateReschedules = body.MaxCandidateReschedules ?? defaults.MaxCandidateReschedules,
        };
        var errors = new ValidationErrors();
        foreach (var (field, message) in settings.Problems())
        {
            errors.Add(field, message);
        }

        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }

        try
        {
            return TypedResults.Ok(SchedulingSettingsResponse.From(await grains.SchedulingSettings().Set(settings).WaitAsync(cancellationToken)));
        }
        catch (ArgumentException ex)
        {
            return ApiProblems.Invalid(ex.ParamName ?? "body", ex.Message);
        }
    }
}
