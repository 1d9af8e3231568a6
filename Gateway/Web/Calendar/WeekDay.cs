namespace Scheduler.Gateway.Web.Calendar;

/// <summary>One local day of the week calendar.</summary>
/// <param name="Date">The local date in the participant's zone.</param>
/// <param name="Working">The working time of the day (shaded).</param>
/// <param name="Entries">The entries of the day, ordered by start; an entry over midnight has a piece on each day.</param>
public sealed record WeekDay(DateOnly Date, IReadOnlyList<WeekBlock> Working, IReadOnlyList<WeekBlock> Entries);
