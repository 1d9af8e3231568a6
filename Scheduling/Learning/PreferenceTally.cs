namespace Scheduler.Scheduling.Learning;

/// <summary>
/// Age-weighted counts of one bucket (a part of the day or a day of the week) of a participant's interview history:
/// how much weight of evidence says the participant accepted times in it, and how much says they declined them.
/// Each observation adds its weight (1 for a selection, see <see cref="PreferenceHistory"/>) and then halves every
/// half-life, so the counts are fractional; both are 0 or more.
/// </summary>
/// <param name="Accepted">Weight of acceptances: selected by the candidate, or held as booked.</param>
/// <param name="Declined">Weight of refusals: passed over for another proposal, moved by a reschedule, or cancelled.</param>
public readonly record struct PreferenceTally(double Accepted, double Declined)
{
    /// <summary>All the evidence in the bucket, <see cref="Accepted"/> plus <see cref="Declined"/>.</summary>
    public double Total => Accepted + Declined;

    /// <summary>Both counts multiplied by <paramref name="factor"/> (an age decay between 0 and 1).</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The scaled tally.</returns>
    public PreferenceTally Scaled(double factor) => new(Accepted * factor, Declined * factor);
}
