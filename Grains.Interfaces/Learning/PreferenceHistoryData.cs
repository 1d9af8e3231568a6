namespace Scheduler.Grains.Learning;

/// <summary>
/// A participant's learned time preferences as stored and exchanged: fixed-size tallies, aged to <paramref name="AsOf"/>
/// with the tenant's half-life (docs/SCHEDULING.md, "Learned preferences").
/// </summary>
/// <param name="AsOf">The instant (UTC) the counts are aged to.</param>
/// <param name="DayParts">Three tallies in the participant's local time: morning (before 12:00), afternoon (12:00–17:00), evening (from 17:00).</param>
/// <param name="Weekdays">Seven tallies by local day of the week, Monday first.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.PreferenceHistoryData")]
public sealed record PreferenceHistoryData([property: Id(0)] DateTimeOffset AsOf, [property: Id(1)] IReadOnlyList<PreferenceTallyData> DayParts, [property: Id(2)] IReadOnlyList<PreferenceTallyData> Weekdays);
