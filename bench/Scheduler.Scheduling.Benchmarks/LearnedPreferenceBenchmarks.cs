using BenchmarkDotNet.Attributes;
using Scheduler.Scheduling.Engine;
using Scheduler.Scheduling.Learning;

namespace Scheduler.Scheduling.Benchmarks;

/// <summary>
/// The cost of the learned-preference score on a request with many options: a candidate in Europe/London and two
/// interviewers in Europe/Berlin and Europe/London (09:00–17:00, 20 calendar events each over the window), one 45-minute
/// stage on a 15-minute grid, a 14-day window; every attendee has a history of 40 observations. <see cref="LearningOff"/>
/// and <see cref="LearningOn"/> differ only in <see cref="SchedulingRequest.PreferenceLearning"/>.
/// </summary>
[MemoryDiagnoser]
public class LearnedPreferenceBenchmarks
{
    private ParticipantAvailabilityInput[] _people = [];
    private SchedulingRequest _off = null!;
    private SchedulingRequest _on = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260302);
        var ids = new[] { "candidate", "i1", "i2" };
        var zones = new[] { Workload.Zones[1], Workload.Zones[2], Workload.Zones[1] };
        var halfLife = PreferenceLearningOptions.DefaultHalfLife;
        _people = new ParticipantAvailabilityInput[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var history = PreferenceHistory.Empty;
            for (var n = 0; n < 40; n++)
            {
                var at = Workload.Now - Duration.FromDays(random.Next(365));
                var slot = at - Duration.FromHours(random.Next(24 * 7));
                var signal = (PreferenceSignal)random.Next(4);
                history = history.Record(new PreferenceEvent(signal, at, slot) { PassedOver = [slot + Duration.FromHours(3), slot + Duration.FromDays(1)] }, zones[i], halfLife);
            }

            _people[i] = Workload.Participant(ids[i], zones[i], Workload.Busy(random, zones[i], 20, 14)) with
            {
                MaxInterviewsPerDay = null,
                MaxInterviewsPerWeek = null,
                PreferenceHistory = history,
            };
        }

        _off = new SchedulingRequest("candidate", [new StageRequest("Interview", 45, ["i1", "i2"])],
            new TimeInterval(Workload.WindowStart, Workload.WindowStart + Duration.FromDays(14)));
        _on = _off with { PreferenceLearning = new PreferenceLearningOptions(halfLife) };
        var options = SchedulingEngine.Schedule(_off with { MaxProposals = 10_000 }, _people, Workload.Now).Options.Count;
        Console.WriteLine($"// learned preferences: {options} feasible options scored per call");
    }

    [Benchmark(Baseline = true)]
    public SchedulingResult LearningOff() => SchedulingEngine.Schedule(_off, _people, Workload.Now);

    [Benchmark]
    public SchedulingResult LearningOn() => SchedulingEngine.Schedule(_on, _people, Workload.Now);
}
