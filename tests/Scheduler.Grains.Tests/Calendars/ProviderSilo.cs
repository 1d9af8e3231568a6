namespace Scheduler.Grains.Tests.Calendars;

/// <summary>
/// A test silo (fake clock) with one calendar provider pointed at its stand-in, the calendar sources added, and the
/// provider's account connected for an interviewer: what the tests of every provider do the same way.
/// </summary>
/// <param name="host">The started silo.</param>
/// <param name="standIn">The started stand-in, stopped after the silo.</param>
/// <param name="keys">The data protection keys folder, deleted with the silo.</param>
/// <param name="accountKey">The key of the account grain the interviewer's calendar belongs to.</param>
internal abstract class ProviderSilo(TestSiloHost host, IAsyncDisposable standIn, TempDirectory keys, string accountKey) : IAsyncDisposable
{
    public TestSiloHost Host => host;

    public IGrainFactory Grains => Host.GrainFactory;

    public FakeTimeProvider Time => Host.Time;

    public ICalendarAccountGrain AccountGrain => Grains.GetGrain<ICalendarAccountGrain>(accountKey);

    /// <summary>What the webhook answers a push it accepted (Google 200, Microsoft 202).</summary>
    public abstract HttpStatusCode PushAccepted { get; }

    /// <summary>What the webhook answered the stand-in's last push, or <see langword="null"/> before any.</summary>
    public abstract HttpStatusCode? LastPushStatus { get; }

    /// <summary>Connects the account with fresh stand-in tokens and makes an interviewer who reads the provider's default calendar.</summary>
    public abstract Task<IParticipantGrain> ConnectInterviewerAsync(string participantId);

    /// <summary>
    /// Adds an event to the default calendar as its owner would, or as the provider adds a received invite whose UID is
    /// <paramref name="inviteUid"/>, which pushes a change; <paramref name="eventId"/> where the provider lets the client choose it.
    /// </summary>
    public abstract Task AddEventAsync(string eventId, DateTimeOffset start, DateTimeOffset end, string? inviteUid = null);

    /// <summary>Polls the account's view (real time, at most 10 s) until <paramref name="condition"/> holds.</summary>
    public Task<CalendarAccountView> WaitForViewAsync(Func<CalendarAccountView, bool> condition) =>
        TestSiloHost.WaitForAsync(AccountGrain.GetView, condition);

    /// <summary>Connects the interviewer i1, adds the candidate c1 and books an auto-booked request r1 of them.</summary>
    public async Task<(IParticipantGrain Interviewer, IInterviewRequestGrain Request, ScheduledStageView Stage)> BookAsync(ConflictPolicy policy, string conferencing = "none")
    {
        var interviewer = await ConnectInterviewerAsync("i1");
        await Grains.Participant("c1").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Candidate));
        var request = Grains.Request("r1");
        var booked = await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook) with { ConflictPolicy = policy, Conferencing = conferencing }, RequestStatus.Booked);
        return (interviewer, request, booked.Booking!.Stages[0]);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await standIn.DisposeAsync();
        keys.Dispose();
    }

    /// <summary>Starts a silo with the calendar sources and the provider <paramref name="addProvider"/> adds (given the keys folder).</summary>
    protected static Task<TestSiloHost> StartHostAsync(FakeTimeProvider time, TempDirectory keys, Action<ISiloBuilder> configureSilo, Action<IServiceCollection, string> addProvider) =>
        TestSiloHost.StartAsync(configureSilo, time, services => addProvider(services.AddCalendarSources(CalendarServices.Configure), keys.Path));
}
