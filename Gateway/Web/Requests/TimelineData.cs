using Scheduler.Gateway.Web.Calendar;

namespace Scheduler.Gateway.Web.Requests;

/// <summary>What a request's timeline shows: its stages, and each participant's busy time around them.</summary>
/// <param name="Range">The time shown (UTC): whole hours around the stages.</param>
/// <param name="Caption">Which stages these are (the booked interview, or the first proposal).</param>
/// <param name="Stages">The stages as entries of kind <see cref="CalendarEntryKind.Stage"/>.</param>
/// <param name="Rows">Per participant (the candidate first, then the interviewers in stage order): the id and the busy entries in <paramref name="Range"/>.</param>
public sealed record TimelineData(TimeRange Range, string Caption, IReadOnlyList<CalendarEntry> Stages, IReadOnlyList<(string ParticipantId, IReadOnlyList<CalendarEntry> Entries)> Rows);
