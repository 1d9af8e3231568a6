namespace Scheduler.Grains.Learning;

/// <summary>The age-weighted counts of one bucket of a participant's history (see <see cref="PreferenceHistoryData"/>); both 0 or more.</summary>
/// <param name="Accepted">Weight of acceptances (selections, interviews held).</param>
/// <param name="Declined">Weight of refusals (proposals passed over, interviews moved or cancelled).</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.PreferenceTallyData")]
public sealed record PreferenceTallyData([property: Id(0)] double Accepted, [property: Id(1)] double Declined);
