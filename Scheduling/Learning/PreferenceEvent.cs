namespace Scheduler.Scheduling.Learning;

/// <summary>One observation of a participant's time preferences, recorded with <see cref="PreferenceHistory.Record"/>.</summary>
/// <param name="Signal">What happened.</param>
/// <param name="At">When it happened (UTC); its age from here on decides its weight.</param>
/// <param name="Slot">The start (UTC) of the interview time concerned; bucketed in the participant's own zone.</param>
public sealed record PreferenceEvent(PreferenceSignal Signal, Instant At, Instant Slot)
{
    /// <summary>
    /// For <see cref="PreferenceSignal.Selected"/>: the starts (UTC) of the other proposals the candidate saw and did
    /// not choose. Only like-for-like comparisons count: a proposal on the chosen time's local day but in another part
    /// of it declines that part, and one in the chosen part of the day but on another weekday declines that weekday
    /// (a proposal that differs in both says nothing about either). Each such bucket counts one passed-over refusal
    /// (<see cref="PreferenceHistory.PassedOverWeight"/>) however many proposals it held. Ignored for other signals.
    /// </summary>
    public IReadOnlyList<Instant> PassedOver { get; init; } = [];
}
