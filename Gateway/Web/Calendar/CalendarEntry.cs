namespace Scheduler.Gateway.Web.Calendar;

/// <summary>One entry of a participant's calendar as the pages draw it.</summary>
/// <param name="Start">The first instant (UTC).</param>
/// <param name="End">The end (exclusive, UTC), after <paramref name="Start"/>.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Label">What it is called: the calendar it was read from, the block's title, or the request it belongs to.</param>
/// <param name="RequestId">The request (without tenant) of a booking, hold, prep block or stage; otherwise <see langword="null"/>.</param>
public sealed record CalendarEntry(DateTimeOffset Start, DateTimeOffset End, CalendarEntryKind Kind, string Label, string? RequestId = null);
