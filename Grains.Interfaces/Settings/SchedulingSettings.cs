namespace Scheduler.Grains.Settings;

/// <summary>
/// A tenant's scheduling settings (<see cref="ISchedulingSettingsGrain"/>): whether the engine learns time preferences
/// from the tenant's history, and whether candidates may ask for another time from their confirmation email. A tenant
/// that never stored settings gets the defaults below.
/// </summary>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.SchedulingSettings")]
public sealed record SchedulingSettings
{
    /// <summary>The shortest accepted <see cref="LearningHalfLifeDays"/>.</summary>
    public const int MinHalfLifeDays = 7;

    /// <summary>The longest accepted <see cref="LearningHalfLifeDays"/> (two years).</summary>
    public const int MaxHalfLifeDays = 730;

    /// <summary>The default <see cref="LearningHalfLifeDays"/>.</summary>
    public const int DefaultHalfLifeDays = 90;

    /// <summary>The longest accepted <see cref="CandidateRescheduleCutoffHours"/> (two weeks).</summary>
    public const int MaxCutoffHours = 336;

    /// <summary>The most accepted <see cref="MaxCandidateReschedules"/>.</summary>
    public const int MaxReschedulesLimit = 10;

    /// <summary>
    /// Whether outcomes (selections, interviews held, reschedules, cancellations) are learned and scored as the
    /// <c>learnedPreference</c> reason of proposals. Off: nothing new is recorded, and scores and reasons are as if no
    /// history existed (what was learned before is kept for when it is turned on again). Default <see langword="true"/>.
    /// </summary>
    [Id(0)]
    public bool PreferenceLearning { get; init; } = true;

    /// <summary>After this many days an observation counts half as much, <see cref="MinHalfLifeDays"/>–<see cref="MaxHalfLifeDays"/>. Default 90.</summary>
    [Id(1)]
    public int LearningHalfLifeDays { get; init; } = DefaultHalfLifeDays;

    /// <summary>When the settings were last stored (UTC); <see langword="null"/> while the defaults apply.</summary>
    [Id(2)]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>
    /// Whether a candidate may ask for another time through the link in their booking email: the booking is released and
    /// new times are proposed to them, whatever the request's mode. Default <see langword="false"/>.
    /// </summary>
    [Id(3)]
    public bool CandidateRescheduling { get; init; }

    /// <summary>No candidate reschedule once the interview starts within this many hours, 0–<see cref="MaxCutoffHours"/>. Default 24.</summary>
    [Id(4)]
    public int CandidateRescheduleCutoffHours { get; init; } = 24;

    /// <summary>How many times a candidate may ask for another time for one request, 1–<see cref="MaxReschedulesLimit"/>. Default 2.</summary>
    [Id(5)]
    public int MaxCandidateReschedules { get; init; } = 2;

    /// <summary>What is wrong with the settings, as (camelCase field, message) pairs; empty when they can be stored.</summary>
    /// <returns>The problems, in field order.</returns>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (LearningHalfLifeDays is < MinHalfLifeDays or > MaxHalfLifeDays)
        {
            yield return ("learningHalfLifeDays", $"Must be {MinHalfLifeDays}–{MaxHalfLifeDays} days.");
        }

        if (CandidateRescheduleCutoffHours is < 0 or > MaxCutoffHours)
        {
            yield return ("candidateRescheduleCutoffHours", $"Must be 0–{MaxCutoffHours} hours.");
        }

        if (MaxCandidateReschedules is < 1 or > MaxReschedulesLimit)
        {
            yield return ("maxCandidateReschedules", $"Must be 1–{MaxReschedulesLimit}.");
        }
    }
}
