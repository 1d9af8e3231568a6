namespace Scheduler.Gateway.Web.Calendar;

/// <summary>A piece of one day's column in the week calendar: an entry, or working time when <see cref="Entry"/> is <see langword="null"/>.</summary>
/// <param name="TopPercent">Where it starts, percent of the shown hours from the top, 0–100.</param>
/// <param name="HeightPercent">How long it is, percent of the shown hours, above 0.</param>
/// <param name="TimeText">Its local times on that day, e.g. <c>09:00–10:30</c>.</param>
/// <param name="Entry">The entry it is part of; <see langword="null"/> for working time.</param>
public sealed record WeekBlock(double TopPercent, double HeightPercent, string TimeText, CalendarEntry? Entry);
