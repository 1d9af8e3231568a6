using System.Runtime.InteropServices;

namespace Scheduler.Scheduling.Batch;

/// <summary>
/// What a batch solution has booked so far, per participant: interview intervals (with the owning request) and
/// per local date / ISO week counts. Placement checks both buffers against every booking and the caps against
/// existing bookings plus the batch's.
/// </summary>
internal sealed class BatchLedger
{
    private readonly Dictionary<EngineParticipant, Entry> _entries = new(ReferenceEqualityComparer.Instance);
    private readonly Placement?[] _placements;

    public BatchLedger(int requests) => _placements = new Placement?[requests];

    public int Booked { get; private set; }

    public double TotalScore { get; private set; }

    public Placement? this[int request] => _placements[request];

    /// <summary>Whether <paramref name="participant"/> can take <paramref name="interval"/> given the batch's bookings (base availability is the caller's business).</summary>
    public bool IsFree(EngineParticipant participant, TimeInterval interval) =>
        !_entries.TryGetValue(participant, out var entry) || entry.Bookings.TrueForAll(b => !Conflicts(participant, interval, b.Interval));

    /// <summary>Places the option if every attendee is free and every cap holds; pools are refilled around the batch's bookings.</summary>
    public bool TryPlace(int request, RequestPlan plan, CandidateOption option, double score)
    {
        var stages = plan.Stages;
        var people = new EngineParticipant[stages.Length][];
        for (var s = 0; s < stages.Length; s++)
        {
            if (!stages[s].HasPools)
            {
                people[s] = stages[s].Panel;
            }
            else if (!OptionSearch.TryFillPools(stages[s], option.Starts[s], people, (p, i) => OptionSearch.IsAvailable(p, i) && IsFree(p, i)))
            {
                return false;
            }
        }

        return TryAdd(request, new Placement(plan, option, people, score));
    }

    /// <summary>
    /// Places the option with the pool members a solver chose, checking everything itself: each stage's attendees are
    /// the panel followed, pool by pool, by that pool's <c>Count</c> distinct members, each available on base
    /// availability; every attendee and the candidate are free of the batch's bookings (both buffers); caps hold.
    /// </summary>
    public bool TryPlaceChosen(int request, RequestPlan plan, CandidateOption option, EngineParticipant[][] people, double score)
    {
        for (var s = 0; s < plan.Stages.Length; s++)
        {
            if (!IsValidStaffing(plan.Stages[s], TimeInterval.FromStart(option.Starts[s], plan.Stages[s].Length), people[s]))
            {
                return false;
            }
        }

        return TryAdd(request, new Placement(plan, option, people, score));
    }

    /// <summary>Requests whose bookings overlap (with buffers) the option's attendees as the search chose them.</summary>
    public HashSet<int> Blockers(RequestPlan plan, CandidateOption option)
    {
        var blockers = new HashSet<int>();
        foreach (var (p, interval, _) in plan.Attendances(option.Starts, option.Interviewers))
        {
            if (_entries.TryGetValue(p, out var entry))
            {
                blockers.UnionWith(entry.Bookings.Where(b => Conflicts(p, interval, b.Interval)).Select(b => b.Request));
            }
        }

        return blockers;
    }

    public void Add(int request, Placement placement)
    {
        foreach (var (p, interval, isCandidate) in placement.Plan.Attendances(placement.Option.Starts, placement.People))
        {
            var entry = Get(p);
            entry.Bookings.Add((interval, request));
            if (!isCandidate && p.HasCaps)
            {
                var date = p.LocalDateOf(interval.Start);
                entry.Days[date] = entry.Days.GetValueOrDefault(date) + 1;
                entry.Weeks[date.IsoWeekStart()] = entry.Weeks.GetValueOrDefault(date.IsoWeekStart()) + 1;
            }
        }

        _placements[request] = placement;
        Booked++;
        TotalScore += placement.Score;
    }

    public Placement Remove(int request)
    {
        var placement = _placements[request] ?? throw new InvalidOperationException($"Request {request} is not placed.");
        foreach (var (p, interval, isCandidate) in placement.Plan.Attendances(placement.Option.Starts, placement.People))
        {
            var entry = Get(p);
            entry.Bookings.RemoveAll(b => b.Request == request);
            if (!isCandidate && p.HasCaps)
            {
                var date = p.LocalDateOf(interval.Start);
                entry.Days[date]--;
                entry.Weeks[date.IsoWeekStart()]--;
            }
        }

        _placements[request] = null;
        Booked--;
        TotalScore -= placement.Score;
        return placement;
    }

    private bool TryAdd(int request, Placement placement)
    {
        if (!placement.Plan.Attendances(placement.Option.Starts, placement.People).All(a => IsFree(a.Participant, a.Interval))
            || !CapsAllow(placement.Option.Starts, placement.People))
        {
            return false;
        }

        Add(request, placement);
        return true;
    }

    private static bool IsValidStaffing(StagePlan stage, TimeInterval interval, EngineParticipant[] people)
    {
        if (people.Length != stage.Panel.Length + stage.Pools.Sum(p => p.Count) || people.Distinct().Count() != people.Length)
        {
            return false;
        }

        for (var i = 0; i < stage.Panel.Length; i++)
        {
            if (!ReferenceEquals(people[i], stage.Panel[i]))
            {
                return false;
            }
        }

        var next = stage.Panel.Length;
        foreach (var pool in stage.Pools)
        {
            for (var k = 0; k < pool.Count; k++, next++)
            {
                if (Array.IndexOf(pool.MembersByFairness, people[next]) < 0 || !OptionSearch.IsAvailable(people[next], interval))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>How many of the batch's interviews <paramref name="p"/> has on local <paramref name="date"/> and in the ISO week starting <paramref name="week"/>.</summary>
    public (int Day, int Week) Placed(EngineParticipant p, LocalDate date, LocalDate week) =>
        _entries.TryGetValue(p, out var entry) ? (entry.Days.GetValueOrDefault(date), entry.Weeks.GetValueOrDefault(week)) : (0, 0);

    private bool CapsAllow(Instant[] starts, EngineParticipant[][] people) => OptionSearch.CapsAllowOption(starts, people, Placed);

    /// <summary>Both interviews keep the participant's buffers free of each other.</summary>
    private static bool Conflicts(EngineParticipant p, TimeInterval a, TimeInterval b) =>
        new TimeInterval(a.Start - p.BufferBefore, a.End + p.BufferAfter).Overlaps(b)
        || new TimeInterval(b.Start - p.BufferBefore, b.End + p.BufferAfter).Overlaps(a);

    private Entry Get(EngineParticipant p) => CollectionsMarshal.GetValueRefOrAddDefault(_entries, p, out _) ??= new Entry();

    /// <summary>A request's booked option with the interviewers actually assigned.</summary>
    internal sealed record Placement(RequestPlan Plan, CandidateOption Option, EngineParticipant[][] People, double Score);

    private sealed class Entry
    {
        public List<(TimeInterval Interval, int Request)> Bookings { get; } = [];

        public Dictionary<LocalDate, int> Days { get; } = [];

        public Dictionary<LocalDate, int> Weeks { get; } = [];
    }
}
