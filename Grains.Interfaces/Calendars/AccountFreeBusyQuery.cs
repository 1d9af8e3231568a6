namespace Scheduler.Grains;

/// <summary>A free/busy question to a calendar account.</summary>
/// <param name="ReaderKey">The participant grain key <c>{tenant}/{participantId}</c> asking; the account remembers it and tells it when these calendars change.</param>
/// <param name="CalendarIds">The calendars to read; empty means the account's primary calendar.</param>
/// <param name="Range">The range (UTC); any length (the account splits it into calls the provider accepts).</param>
public sealed record AccountFreeBusyQuery(string ReaderKey, IReadOnlyList<string> CalendarIds, TimeRange Range);
