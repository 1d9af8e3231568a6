using Scheduler.Grains.Common;
using Scheduler.Grains.Participants;
using Scheduler.Grains.Pools;
using Scheduler.Grains.Requests;

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

    public IParticipantGrain Participant(string id) => Grains.GetGrain<IParticipantGrain>(GrainKeys.For(Tenant, id));

    public IInterviewRequestGrain Request(string id) => Grains.GetGrain<IInterviewRequestGrain>(GrainKeys.For(Tenant, id));

    public IInterviewerPoolGrain Pool(string id) => Grains.GetGrain<IInterviewerPoolGrain>(GrainKeys.For(Tenant, id));

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

    /// <summary>Polls the request (real time) until <paramref name="condition"/> holds.</summary>
    public static async Task<InterviewRequestView> WaitForAsync(IInterviewRequestGrain request, Func<InterviewRequestView, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var view = await request.Get();
            if (view is not null && condition(view))
            {
                return view;
            }

            if (TimeProvider.System.GetUtcNow().UtcDateTime > deadline)
            {
                throw new TimeoutException($"Request did not reach the expected state; last status {view?.Status}, reason {view?.Reason}.");
            }

            await Task.Delay(5);
        }
    }

    public static bool IsSettled(InterviewRequestView view) =>
        view.Status is not (RequestStatus.Pending or RequestStatus.Booking or RequestStatus.Rescheduling);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
