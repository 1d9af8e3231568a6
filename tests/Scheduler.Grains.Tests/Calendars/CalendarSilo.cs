namespace Scheduler.Grains.Tests.Calendars;

/// <summary>A test silo (fake clock) with the product grains and the calendar sources, and interviewers who read a calendar.</summary>
internal static class CalendarSilo
{
    /// <summary>Starts the silo with the test settings of <see cref="CalendarServices.Configure"/>, then <paramref name="configure"/>'s.</summary>
    public static Task<TestSiloHost> StartAsync(Action<CalendarSourceOptions>? configure = null) => TestSiloHost.StartAsync(
        silo => silo.AddSchedulerGrains(),
        configureServices: services => services.AddCalendarSources(options =>
        {
            CalendarServices.Configure(options);
            configure?.Invoke(options);
        }));

    /// <summary>Saves the participant <paramref name="id"/> as an interviewer (<see cref="GrainTestCluster.Profile"/>) who reads <paramref name="calendar"/>.</summary>
    public static async Task<IParticipantGrain> AddReaderAsync(this TestSiloHost host, string id, CalendarSpec calendar)
    {
        var participant = host.GrainFactory.Participant(id);
        await participant.UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer) with { Calendars = [calendar] });
        return participant;
    }
}
