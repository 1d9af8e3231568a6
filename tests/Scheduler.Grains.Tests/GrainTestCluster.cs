namespace Scheduler.Grains.Tests;

/// <summary>Starts a test silo with the product grains and offers helpers to set up participants and requests.</summary>
internal sealed class GrainTestCluster : IAsyncDisposable
{
    public const string Tenant = "acme";

    private GrainTestCluster(TestSiloHost host) => Host = host;

    public TestSiloHost Host { get; }

    public IGrainFactory Grains => Host.GrainFactory;

    public FakeTimeProvider Time => Host.Time;

    /// <summary>Monday 2026-01-05 09:00 UTC (the fake clock's start).</summary>
    public static DateTimeOffset Start { get; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static async Task<GrainTestCluster> StartAsync(RecordingGrainStorage? storage = null)
    {
        var host = await TestSiloHost.StartAsync(silo =>
        {
            silo.AddSchedulerGrains();
            storage?.RegisterAsDefault(silo);
        });
        return new GrainTestCluster(host);
    }

    public IParticipantGrain Participant(string id) => Grains.Participant(id);

    public IInterviewRequestGrain Request(string id) => Grains.Request(id);

    public IInterviewerPoolGrain Pool(string id) => Grains.Pool(id);

    public static string RequestKey(string id) => GrainKeys.For(Tenant, id);

    public static ParticipantProfile Profile(ParticipantKind kind, string zone = "UTC", int bufferMinutes = 0, int? maxPerDay = null) =>
        new($"{kind} person", "someone@example.com", kind, zone, [new WeeklyHours(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:00", "17:00")])
        {
            BufferBeforeMinutes = bufferMinutes,
            BufferAfterMinutes = bufferMinutes,
            MaxInterviewsPerDay = maxPerDay,
        };

    public Task AddInterviewerAsync(string id, string zone = "UTC", int bufferMinutes = 0, int? maxPerDay = null) =>
        Participant(id).UpsertProfile(Profile(ParticipantKind.Interviewer, zone, bufferMinutes, maxPerDay));

    public Task AddCandidateAsync(string id, string zone = "UTC") => Participant(id).UpsertProfile(Profile(ParticipantKind.Candidate, zone));

    /// <summary>A one-stage, 60-minute request in the week after the clock's start.</summary>
    public static InterviewRequestSpec Spec(string candidateId, IReadOnlyList<string> interviewers, SchedulingMode mode, TimeRange? window = null) =>
        new(candidateId, [new StageSpec("screen", 60, interviewers)], window ?? new TimeRange(Start.AddDays(1).AddHours(-9), Start.AddDays(5).AddHours(-9)))
        {
            Mode = mode,
            ExternalId = $"ext-{candidateId}",
        };

    /// <summary>Polls the request (real time, 20 s unless <paramref name="timeout"/> says otherwise) until <paramref name="condition"/> holds.</summary>
    public static async Task<InterviewRequestView> WaitForAsync(IInterviewRequestGrain request, Func<InterviewRequestView, bool> condition, TimeSpan? timeout = null, bool withNotifications = false) =>
        (await TestSiloHost.WaitForAsync<InterviewRequestView?>(
            withNotifications ? request.GetWithNotifications : request.Get,
            view => view is not null && condition(view),
            timeout ?? TimeSpan.FromSeconds(20),
            view => $"last status {view?.Status}, reason {view?.Reason}, {view?.Notifications.Count} notifications"))!;

    /// <summary>Submits <paramref name="spec"/> and polls the request until it has <paramref name="status"/>.</summary>
    public static Task<InterviewRequestView> SubmitAndWaitAsync(IInterviewRequestGrain request, InterviewRequestSpec spec, RequestStatus status) =>
        SubmitAndWaitAsync(request, spec, view => view.Status == status);

    /// <summary>Submits <paramref name="spec"/> and polls the request until <paramref name="condition"/> holds.</summary>
    public static async Task<InterviewRequestView> SubmitAndWaitAsync(IInterviewRequestGrain request, InterviewRequestSpec spec, Func<InterviewRequestView, bool> condition)
    {
        await request.Submit(spec);
        return await WaitForAsync(request, condition);
    }

    /// <summary>Asserts that no two of <paramref name="interviewerId"/>'s bookings overlap once each is widened by <paramref name="bufferMinutes"/> on both sides.</summary>
    public static void AssertNoOverlaps(string interviewerId, IReadOnlyList<ParticipantBooking> bookings, int bufferMinutes)
    {
        var widened = bookings.SelectMany(b => b.Intervals.Select(i => (b.RequestId, Range: new TimeRange(i.Start.AddMinutes(-bufferMinutes), i.End.AddMinutes(bufferMinutes))))).ToArray();
        for (var a = 0; a < widened.Length; a++)
        {
            for (var b = a + 1; b < widened.Length; b++)
            {
                Assert.False(widened[a].Range.Overlaps(widened[b].Range), $"{interviewerId}: {widened[a].RequestId} overlaps {widened[b].RequestId}");
            }
        }
    }

    public static bool IsSettled(InterviewRequestView view) =>
        view.Status is not (RequestStatus.Pending or RequestStatus.Booking or RequestStatus.Rescheduling);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
