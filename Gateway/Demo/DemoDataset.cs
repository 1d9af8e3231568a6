using Scheduler.Grains.Pools;

namespace Scheduler.Gateway.Demo;

/// <summary>
/// The demo tenant <c>demo</c>: candidates <c>ada</c> (Europe/London) and <c>grace</c> (America/Chicago),
/// interviewers in New York, Berlin and Kolkata with working hours, a few busy blocks in the coming
/// days, and the pool <c>backend</c>. Loading is idempotent (profiles and pool are replaced, blocks
/// recomputed from the current date).
/// </summary>
public static class DemoDataset
{
    /// <summary>The demo tenant.</summary>
    public const string Tenant = "demo";

    /// <summary>The demo pool id.</summary>
    public const string PoolId = "backend";

    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"];

    /// <summary>Writes the demo tenant.</summary>
    /// <param name="factory">The grain factory.</param>
    /// <param name="now">The current time; blocks are placed on the following days.</param>
    /// <param name="cancellationToken">Stops between writes.</param>
    /// <returns>How many participants were written.</returns>
    public static async Task<int> LoadAsync(IGrainFactory factory, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var grains = new TenantGrains(factory, Tenant);
        var people = new (string Id, string Name, ParticipantKind Kind, string Zone, string Start, string End)[]
        {
            ("ada", "Ada Lovelace", ParticipantKind.Candidate, "Europe/London", "08:00", "19:00"),
            ("grace", "Grace Hopper", ParticipantKind.Candidate, "America/Chicago", "08:00", "18:00"),
            ("maya", "Maya Chen (hiring manager)", ParticipantKind.Interviewer, "America/New_York", "09:00", "17:00"),
            ("lukas", "Lukas Weber", ParticipantKind.Interviewer, "Europe/Berlin", "09:00", "17:00"),
            ("jonas", "Jonas Richter", ParticipantKind.Interviewer, "Europe/Berlin", "10:00", "18:00"),
            ("priya", "Priya Sharma", ParticipantKind.Interviewer, "Asia/Kolkata", "11:00", "20:00"),
            ("arjun", "Arjun Rao", ParticipantKind.Interviewer, "Asia/Kolkata", "12:00", "21:00"),
        };
        foreach (var person in people)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var profile = new ParticipantProfile(person.Name, $"{person.Id}@demo.example", person.Kind, person.Zone, [new WeeklyHours(Weekdays, person.Start, person.End)])
            {
                BufferBeforeMinutes = person.Kind == ParticipantKind.Interviewer ? 10 : 0,
                BufferAfterMinutes = person.Kind == ParticipantKind.Interviewer ? 10 : 0,
                MaxInterviewsPerDay = person.Kind == ParticipantKind.Interviewer ? 4 : null,
            };
            await grains.Participant(person.Id).UpsertProfile(profile).WaitAsync(cancellationToken);
        }

        var tomorrow = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        await grains.Participant("lukas").ReplaceBlocks([new BusyBlock(tomorrow, tomorrow.AddDays(1), "Out of office")]).WaitAsync(cancellationToken);
        await grains.Participant("maya").ReplaceBlocks(
            [new BusyBlock(tomorrow.AddHours(14), tomorrow.AddHours(16), "Leadership sync"), new BusyBlock(tomorrow.AddDays(1).AddHours(18), tomorrow.AddDays(1).AddHours(19), "1:1")])
            .WaitAsync(cancellationToken);
        await grains.Participant("priya").ReplaceBlocks([new BusyBlock(tomorrow.AddHours(6), tomorrow.AddHours(9), "Focus time")]).WaitAsync(cancellationToken);
        await grains.Participant("ada").ReplaceBlocks([new BusyBlock(tomorrow.AddDays(1).AddHours(9), tomorrow.AddDays(1).AddHours(12), "Current job")]).WaitAsync(cancellationToken);
        await grains.Pool(PoolId).Upsert(new PoolDefinition(["lukas", "jonas", "priya", "arjun"], PoolStrategy.RoundRobin)).WaitAsync(cancellationToken);
        return people.Length;
    }
}
