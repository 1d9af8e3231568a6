using Scheduler.Gateway.PrepPlans;
using Scheduler.Grains.Prep;

namespace Scheduler.Gateway.InterviewRequests;

/// <summary>Checks interview request bodies (fields, then that every referenced participant and pool exists) and maps them to specs.</summary>
public static class InterviewRequestValidator
{
    private const int MaxStages = 10;
    private static readonly string[] ConferencingOptions = ["none", "googleMeet", "teams"];

    /// <summary>Checks every field of <paramref name="body"/>, then the references.</summary>
    /// <param name="body">The body.</param>
    /// <param name="references">Existence checks for the caller's tenant.</param>
    /// <param name="now">The current time (the window must end after it).</param>
    /// <param name="cancellationToken">Cancels the reference checks.</param>
    /// <returns>The errors, keyed by field path (empty when valid).</returns>
    public static async Task<ValidationErrors> ValidateAsync(InterviewRequestBody body, ReferenceChecker references, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(references);
        var errors = new ValidationErrors();
        if (body.ExternalId is not null)
        {
            errors.Require(body.ExternalId.Length is > 0 and <= 200 && !body.ExternalId.Any(char.IsControl), "externalId", "1–200 characters without control characters.");
        }

        var candidateOk = errors.Require(FieldRules.IsValidId(body.CandidateId), "candidateId", body.CandidateId is null ? "Required." : "Not a valid participant id.");
        CheckStages(errors, body);
        if (body.Window is null)
        {
            errors.Add("window", "Required: {start, end} (RFC 3339).");
        }
        else
        {
            body.Window.CheckSearchWindow(errors, "window", now);
        }

        CheckOptions(errors, body);
        if (!errors.IsEmpty)
        {
            return errors;
        }

        await CheckReferencesAsync(errors, body, references, candidateOk, cancellationToken);
        return errors;
    }

    /// <summary>Maps a valid body to a spec.</summary>
    /// <param name="body">A body without errors.</param>
    /// <returns>The spec (instants in UTC, defaults applied).</returns>
    public static InterviewRequestSpec ToSpec(InterviewRequestBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var stages = body.Stages!.Select((s, i) => new StageSpec(s!.Name ?? DefaultStageName(i), s.DurationMinutes!.Value, [.. (s.InterviewerIds ?? []).Select(id => id!)])
        {
            Pools = [.. (s.Pools ?? []).Select(p => new PoolSlotSpec(p!.PoolId!, p.Count ?? 1))],
        }).ToList();
        var defaults = new SequencingSpec();
        return new InterviewRequestSpec(body.CandidateId!, stages, body.Window!.ToRange())
        {
            ExternalId = body.ExternalId,
            MinimumNoticeMinutes = body.MinimumNoticeMinutes ?? 0,
            SlotGranularityMinutes = body.SlotGranularityMinutes ?? 15,
            MaxProposals = body.MaxProposals ?? 5,
            Mode = body.Mode ?? SchedulingMode.Propose,
            CandidatePreferredTimes = Participants.ParticipantValidator.ToWeekly(body.CandidatePreferences?.PreferredTimes),
            Sequencing = new SequencingSpec(
                body.Sequencing?.SameDay ?? defaults.SameDay,
                body.Sequencing?.MinGapMinutes ?? defaults.MinGapMinutes,
                body.Sequencing?.MaxGapMinutes ?? Math.Max(defaults.MaxGapMinutes, body.Sequencing?.MinGapMinutes ?? 0)),
            Conferencing = body.Conferencing ?? "none",
            Notify = new NotifySpec(body.Notify?.Email ?? true, body.Notify?.Slack ?? false)
            {
                RecruiterEmail = body.Notify?.RecruiterEmail,
                RecruiterSlackChannel = body.Notify?.RecruiterSlackChannel,
            },
            Reminders = body.Reminders ?? [1440, 120],
            Prep = body.Prep is null ? null : PrepPlanValidator.ToSpec(body.Prep, PrepSpec.Default),
            ConflictPolicy = body.ConflictPolicy ?? ConflictPolicy.Reschedule,
            PoolOfferMinutes = body.PoolOfferMinutes,
        };
    }

    private static string DefaultStageName(int index) => $"stage{index + 1}";

    private static void CheckStages(ValidationErrors errors, InterviewRequestBody body)
    {
        if (!errors.Require(body.Stages is { Count: > 0 and <= MaxStages }, "stages", $"1–{MaxStages} stages are required."))
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < body.Stages!.Count; i++)
        {
            var path = FieldPath.Index("stages", i);
            var stage = body.Stages[i];
            if (!errors.Require(stage is not null, path, "Required."))
            {
                continue;
            }

            var name = stage!.Name ?? DefaultStageName(i);
            if (errors.Require(name.Length is > 0 and <= 100, FieldPath.Member(path, "name"), "1–100 characters."))
            {
                errors.Require(names.Add(name), FieldPath.Member(path, "name"), $"Stage name '{FieldRules.Echo(name)}' is used twice.");
            }

            errors.Require(
                stage.DurationMinutes is > 0 and <= FieldRules.MaxDurationMinutes,
                FieldPath.Member(path, "durationMinutes"),
                stage.DurationMinutes is null ? "Required (1–480 minutes)." : "Must be between 1 and 480 minutes.");
            var interviewers = stage.InterviewerIds ?? [];
            FieldRules.CheckParticipantIds(errors, FieldPath.Member(path, "interviewerIds"), interviewers, id => id == body.CandidateId ? "The candidate cannot interview themselves." : null);

            var pools = stage.Pools ?? [];
            for (var j = 0; j < pools.Count; j++)
            {
                var poolPath = FieldPath.Index(FieldPath.Member(path, "pools"), j);
                if (errors.Require(pools[j] is not null, poolPath, "Required."))
                {
                    errors.Require(FieldRules.IsValidId(pools[j]!.PoolId), FieldPath.Member(poolPath, "poolId"), "Not a valid pool id.");
                    FieldRules.CheckRange(errors, FieldPath.Member(poolPath, "count"), pools[j]!.Count, 1, 20);
                }
            }

            errors.Require(interviewers.Count > 0 || pools.Count > 0, FieldPath.Member(path, "interviewerIds"), "A stage needs interviewerIds or pools.");
        }
    }

    private static void CheckOptions(ValidationErrors errors, InterviewRequestBody body)
    {
        FieldRules.CheckRange(errors, "minimumNoticeMinutes", body.MinimumNoticeMinutes, 0, 43_200, "minutes");
        errors.Require(body.SlotGranularityMinutes is null or (> 0 and <= 1440) && (body.SlotGranularityMinutes is null || 1440 % body.SlotGranularityMinutes == 0), "slotGranularityMinutes", "Must divide 1440 (e.g. 5, 10, 15, 30, 60).");
        FieldRules.CheckRange(errors, "maxProposals", body.MaxProposals, 1, 20);
        FieldRules.CheckRange(errors, "poolOfferMinutes", body.PoolOfferMinutes, 10, 10_080, "minutes");
        FieldRules.CheckWeeklyHours(errors, "candidatePreferences.preferredTimes", body.CandidatePreferences?.PreferredTimes);
        if (body.Sequencing is { } sequencing)
        {
            FieldRules.CheckRange(errors, "sequencing.minGapMinutes", sequencing.MinGapMinutes, 0, 1440);
            FieldRules.CheckRange(errors, "sequencing.maxGapMinutes", sequencing.MaxGapMinutes, 0, 1440);
            errors.Require(
                sequencing.MaxGapMinutes is null || sequencing.MaxGapMinutes >= (sequencing.MinGapMinutes ?? 0),
                "sequencing.maxGapMinutes",
                "Must be at least minGapMinutes.");
        }

        if (body.Notify?.RecruiterEmail is { } recruiterEmail)
        {
            errors.Require(FieldRules.IsEmailAddress(recruiterEmail), "notify.recruiterEmail", "Not an email address.");
        }

        if (body.Notify?.RecruiterSlackChannel is { } channel)
        {
            errors.Require(channel.Length is > 0 and <= 80 && channel.All(char.IsAsciiLetterOrDigit), "notify.recruiterSlackChannel", "A Slack channel id (letters and digits, e.g. C0123ABCD).");
        }

        errors.Require(body.Conferencing is null || ConferencingOptions.Contains(body.Conferencing, StringComparer.Ordinal), "conferencing", "One of none, googleMeet, teams.");
        if (body.Reminders is { } reminders && errors.Require(reminders.Count <= 10, "reminders", "At most 10 reminders."))
        {
            for (var i = 0; i < reminders.Count; i++)
            {
                FieldRules.CheckRange(errors, FieldPath.Index("reminders", i), reminders[i], 1, 10_080, "minutes");
            }
        }

        if (body.Prep is { } prep)
        {
            PrepPlanValidator.Check(errors, "prep", prep, PrepSpec.Default);
        }
    }

    private static async Task CheckReferencesAsync(ValidationErrors errors, InterviewRequestBody body, ReferenceChecker references, bool candidateOk, CancellationToken cancellationToken)
    {
        var checks = new List<Task<(string Path, string? Error)>>();
        if (candidateOk)
        {
            checks.Add(At("candidateId", references.CandidateError(body.CandidateId!)));
        }

        for (var i = 0; i < body.Stages!.Count; i++)
        {
            var path = FieldPath.Index("stages", i);
            var stage = body.Stages[i]!;
            var interviewers = stage.InterviewerIds ?? [];
            for (var j = 0; j < interviewers.Count; j++)
            {
                checks.Add(At(FieldPath.Index(FieldPath.Member(path, "interviewerIds"), j), references.InterviewerError(interviewers[j]!)));
            }

            var pools = stage.Pools ?? [];
            for (var j = 0; j < pools.Count; j++)
            {
                checks.Add(CheckPoolAsync(references, FieldPath.Index(FieldPath.Member(path, "pools"), j), pools[j]!.PoolId!, pools[j]!.Count ?? 1));
            }
        }

        foreach (var (path, error) in await Task.WhenAll(checks).WaitAsync(cancellationToken))
        {
            if (error is not null)
            {
                errors.Add(path, error);
            }
        }
    }

    private static async Task<(string Path, string? Error)> At(string path, Task<string?> error) => (path, await error);

    /// <summary>The pool must exist and have at least as many members as the stage asks for.</summary>
    private static async Task<(string Path, string? Error)> CheckPoolAsync(ReferenceChecker references, string path, string poolId, int count) =>
        await references.PoolSize(poolId) switch
        {
            null => (FieldPath.Member(path, "poolId"), $"Unknown pool '{FieldRules.Echo(poolId)}'."),
            var size when size < count => (FieldPath.Member(path, "count"), $"Pool '{FieldRules.Echo(poolId)}' has {size} member(s); the stage asks for {count}."),
            _ => (path, null),
        };
}
