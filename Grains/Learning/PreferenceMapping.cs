using NodaTime;
using Scheduler.Scheduling.Learning;

namespace Scheduler.Grains.Learning;

/// <summary>Converts learned preferences between the contract records and the engine's types.</summary>
internal static class PreferenceMapping
{
    /// <summary>The engine's history; empty for <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException">A stored list has the wrong length or a negative count.</exception>
    public static PreferenceHistory ToEngine(PreferenceHistoryData? data) =>
        data is null
            ? PreferenceHistory.Empty
            : new PreferenceHistory(EngineMapping.ToInstant(data.AsOf), [.. data.DayParts.Select(ToEngine)], [.. data.Weekdays.Select(ToEngine)]);

    /// <summary>The contract record of an engine history.</summary>
    public static PreferenceHistoryData ToData(PreferenceHistory history) =>
        new(EngineMapping.ToDateTimeOffset(history.AsOf), [.. history.DayPartTallies.Select(ToData)], [.. history.WeekdayTallies.Select(ToData)]);

    /// <summary>The engine's event for an observation.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The outcome is not defined.</exception>
    public static PreferenceEvent ToEngine(PreferenceObservation observation) =>
        new(ToSignal(observation.Outcome), EngineMapping.ToInstant(observation.At), EngineMapping.ToInstant(observation.Slot))
        {
            PassedOver = [.. observation.PassedOver.Select(EngineMapping.ToInstant)],
        };

    /// <summary>The engine's learning options for a half-life in days.</summary>
    public static PreferenceLearningOptions Options(int halfLifeDays) => new(Duration.FromDays(halfLifeDays));

    private static PreferenceSignal ToSignal(PreferenceOutcome outcome) => outcome switch
    {
        PreferenceOutcome.Selected => PreferenceSignal.Selected,
        PreferenceOutcome.Held => PreferenceSignal.Held,
        PreferenceOutcome.Rescheduled => PreferenceSignal.Rescheduled,
        PreferenceOutcome.Cancelled => PreferenceSignal.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a preference outcome."),
    };

    private static PreferenceTally ToEngine(PreferenceTallyData tally) => new(tally.Accepted, tally.Declined);

    private static PreferenceTallyData ToData(PreferenceTally tally) => new(tally.Accepted, tally.Declined);
}
