namespace Scheduler.Scheduling.Learning;

/// <summary>
/// Turns learned time preferences on for one scheduling request (<see cref="Requests.SchedulingRequest.PreferenceLearning"/>):
/// each participant's <see cref="PreferenceHistory"/> is aged to "now" and scored as the <c>learnedPreference</c> reason.
/// </summary>
public sealed record PreferenceLearningOptions
{
    /// <summary>The default half-life: 90 days.</summary>
    public static readonly Duration DefaultHalfLife = Duration.FromDays(90);

    /// <summary>Creates the options.</summary>
    /// <param name="halfLife">After this long an observation counts half as much; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="halfLife"/> is zero or negative.</exception>
    public PreferenceLearningOptions(Duration halfLife)
    {
        if (halfLife <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(halfLife), halfLife, "The half-life must be positive.");
        }

        HalfLife = halfLife;
    }

    /// <summary>After this long an observation counts half as much (positive).</summary>
    public Duration HalfLife { get; }
}
