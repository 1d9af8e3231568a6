using BenchmarkDotNet.Attributes;
using Scheduler.Scheduling.Engine;

namespace Scheduler.Scheduling.Benchmarks;

/// <summary>
/// One request: a candidate in Asia/Kolkata (08:00–20:00) and a panel of 4 interviewers in Europe/London and Europe/Berlin
/// (09:00–17:00, buffers 5/5, caps 3/day and 10/week), 45 minutes, a 14-day window, 150 calendar events per person
/// (15–60 minutes each, between 06:00 and 22:00 local). <see cref="Schedule"/> starts from their busy sets, as a participant grain caches them.
/// </summary>
[MemoryDiagnoser]
public class SingleRequestBenchmarks
{
    private ParticipantAvailabilityInput[] _people = [];
    private SchedulingRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260302);
        var ids = new[] { "candidate", "i1", "i2", "i3", "i4" };
        _people = new ParticipantAvailabilityInput[ids.Length];
        var zones = new[] { Workload.Zones[3], Workload.Zones[1], Workload.Zones[2], Workload.Zones[2], Workload.Zones[1] };
        for (var i = 0; i < ids.Length; i++)
        {
            _people[i] = Workload.Participant(ids[i], zones[i], Workload.Busy(random, zones[i], 150, 14, 6, 22));
        }

        _people[0] = _people[0] with { WorkingHours = [new WeeklyTimeRule(WeeklyTimeRule.Weekdays, new LocalTime(8, 0), new LocalTime(20, 0))] };
        _request = new SchedulingRequest("candidate", [new StageRequest("Panel", 45, ["i1", "i2", "i3", "i4"])],
            new TimeInterval(Workload.WindowStart, Workload.WindowStart + Duration.FromDays(14)))
        {
            CandidatePreferredTimes = [new WeeklyTimeRule(WeeklyTimeRule.Weekdays, new LocalTime(13, 0), new LocalTime(17, 0))],
        };
        var result = Schedule();
        Console.WriteLine($"// single request: {result.Options.Count} options, first {result.Options.FirstOrDefault()?.Start}, diagnosis: {result.NoAvailability?.Message ?? "none"}");
    }

    [Benchmark]
    public SchedulingResult Schedule() => SchedulingEngine.Schedule(_request, _people, Workload.Now);
}
