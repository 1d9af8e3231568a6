namespace Scheduler.Gateway.Web.Calendar;

/// <summary>
/// Reads a participant's week in their own zone for the week calendar: the entries of <see cref="BusyTimeReader"/> and the
/// working time of <see cref="IParticipantGrain.GetWorkingTime"/>, laid out by <see cref="WeekLayout"/>.
/// </summary>
/// <param name="factory">The grain factory.</param>
/// <param name="time">The clock (for the current week).</param>
public sealed class WeekCalendarReader(IGrainFactory factory, TimeProvider time)
{
    /// <summary>Reads a week.</summary>
    /// <param name="tenant">The viewer's tenant.</param>
    /// <param name="participantId">The participant id.</param>
    /// <param name="week">Any date of the week to show; <see langword="null"/> for the current week in the participant's zone.</param>
    /// <returns>The week, or <see langword="null"/> when the participant does not exist.</returns>
    public async Task<WeekView?> ReadAsync(string tenant, string participantId, DateOnly? week)
    {
        var grains = new TenantGrains(factory, tenant);
        var profile = await grains.FindParticipant(participantId);
        if (profile is null)
        {
            return null;
        }

        var monday = week is { } date ? WeekLayout.MondayOf(date) : WeekLayout.MondayOf(time.GetUtcNow(), profile.TimeZone);
        var range = WeekLayout.Range(profile.TimeZone, monday);
        var working = grains.Participant(participantId).GetWorkingTime(range);
        var entries = await BusyTimeReader.ReadAsync(grains, participantId, range);
        return WeekLayout.Build(profile.TimeZone, monday, entries, await working);
    }
}
