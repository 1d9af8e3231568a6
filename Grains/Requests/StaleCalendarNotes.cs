using System.Globalization;

namespace Scheduler.Grains.Requests;

/// <summary>
/// Says which participants' calendars were stale when options were searched (their last known busy time was used, so
/// an option may meet an event the calendar gained since): a zero-point <c>staleCalendar</c> reason on each proposal,
/// and a sentence for a booking's history.
/// </summary>
internal static class StaleCalendarNotes
{
    /// <summary>The reason code.</summary>
    public const string Code = "staleCalendar";

    /// <summary>One reason per stale calendar of the participants an option involves, in participant order.</summary>
    /// <param name="stale">Participant id → its stale calendars (only participants with some).</param>
    /// <param name="participants">The option's participants (candidate and interviewers).</param>
    /// <returns>The reasons; empty when all were fresh.</returns>
    public static IEnumerable<ScoreReasonView> Reasons(IReadOnlyDictionary<string, IReadOnlyList<CalendarReadStatus>> stale, IEnumerable<string> participants) =>
        participants.Distinct(StringComparer.Ordinal)
            .Where(stale.ContainsKey)
            .SelectMany(id => stale[id].Select(c => new ScoreReasonView(Code, 0, Describe(id, c))));

    /// <summary>A sentence for the history naming the stale calendars of an option's participants, or <see langword="null"/> when there are none.</summary>
    /// <param name="stale">Participant id → its stale calendars.</param>
    /// <param name="participants">The option's participants.</param>
    /// <returns>The sentence or <see langword="null"/>.</returns>
    public static string? Summary(IReadOnlyDictionary<string, IReadOnlyList<CalendarReadStatus>> stale, IEnumerable<string> participants)
    {
        var notes = Reasons(stale, participants).Select(r => r.Description).ToArray();
        return notes.Length == 0 ? null : string.Join(" ", notes);
    }

    private static string Describe(string participantId, CalendarReadStatus calendar)
    {
        var when = calendar.LastReadAt is { } at
            ? $"its busy time as last read at {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC was used"
            : "it was never read, so its busy time is unknown";
        return $"{participantId}'s {calendar.Provider} calendar {calendar.Calendar} was stale ({calendar.Reason}); {when}.";
    }
}
