using Google.OrTools.Sat;

namespace Scheduler.Scheduling.Batch;

/// <summary>
/// The CP-SAT model of a batch's assignment, built from the options the engine kept per request: one boolean per
/// (request, option), at most one per request; for a stage with pools, one boolean per (option, pool, eligible member)
/// with exactly <c>Count</c> of them per pool when the option is chosen. Constraints follow what
/// <see cref="BatchLedger"/> checks: no participant (candidate, panel, pool member) in two requests' interviews closer
/// than their buffers (<see cref="ConflictCliques"/>), and each interviewer's daily and weekly caps (in their zone)
/// counting their existing bookings. The objective is <see cref="LexicographicWeights"/>'.
/// </summary>
internal sealed class AssignmentModel
{
    private readonly RequestPlan[] _plans;
    private readonly int[] _free;
    private readonly BatchLedger _rest;
    private readonly BoolVar?[][] _choose;
    private readonly Seat[][][] _seats;
    private readonly long[][] _units;
    private readonly Dictionary<EngineParticipant, Attendance> _attendance = new(ReferenceEqualityComparer.Instance);
    private readonly List<EngineParticipant> _participants = [];
    private readonly Dictionary<string, PoolLoad> _pools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BoolVar> _either = new(StringComparer.Ordinal);
    private readonly List<bool> _hints = [];

    /// <summary>
    /// Builds the model of the requests <paramref name="free"/>, around the bookings of <paramref name="rest"/> (held
    /// fixed: an option that conflicts with them is left out, a pool member they make busy gets no seat, and they use
    /// up caps), with every variable hinted from <paramref name="hint"/>.
    /// </summary>
    /// <param name="plans">The batch's request plans.</param>
    /// <param name="candidates">The options kept per request (the model chooses among these only).</param>
    /// <param name="free">The requests the model decides, in batch order.</param>
    /// <param name="rest">The plan of every other request, held fixed; holds none of <paramref name="free"/>.</param>
    /// <param name="hint">The starting plan's placement of each of <paramref name="free"/> (parallel to it; <see langword="null"/> when unbooked).</param>
    public AssignmentModel(RequestPlan[] plans, CandidateOption[][] candidates, int[] free, BatchLedger rest, BatchLedger.Placement?[] hint)
    {
        _plans = plans;
        _free = free;
        _rest = rest;
        _choose = new BoolVar?[free.Length][];
        _seats = new Seat[free.Length][][];
        _units = new long[free.Length][];
        var lowest = free.SelectMany(r => candidates[r]).Select(c => c.Score).DefaultIfEmpty(0).Min();
        long maxScore = 0;
        var booked = 0;
        for (var i = 0; i < free.Length; i++)
        {
            var r = free[i];
            var hintedOption = hint[i] is { } placement ? Array.IndexOf(candidates[r], placement.Option) : -1;
            booked += hintedOption >= 0 ? 1 : 0;
            _choose[i] = new BoolVar?[candidates[r].Length];
            _seats[i] = new Seat[candidates[r].Length][];
            _units[i] = new long[candidates[r].Length];
            for (var o = 0; o < candidates[r].Length; o++)
            {
                _units[i][o] = LexicographicWeights.Units(candidates[r][o].Score, lowest);
                _seats[i][o] = AddOption(i, o, candidates[r][o], o == hintedOption ? hint[i]!.People : null);
            }

            var allowed = _choose[i].OfType<BoolVar>().ToArray();
            maxScore += allowed.Length == 0 ? 0 : Enumerable.Range(0, _units[i].Length).Where(o => _choose[i][o] is not null).Max(o => _units[i][o]);
            if (allowed.Length > 1)
            {
                Model.AddAtMostOne(allowed);
            }
        }

        foreach (var participant in _participants)
        {
            AddConflicts(_attendance[participant]);
            AddCaps(participant, _attendance[participant]);
        }

        long fairnessRange = 1, hintFairness = 0, hintScore = 0;
        var objective = LinearExpr.NewBuilder();
        foreach (var pool in _pools.Values)
        {
            var (load, hinted) = pool.AddTo(Model);
            fairnessRange += pool.Range;
            hintFairness += hinted;
            Hint(load, hinted + pool.Base);
            objective.AddTerm(load, -1).Add(pool.Base);
        }

        Weights = LexicographicWeights.For(maxScore, fairnessRange);
        for (var i = 0; i < free.Length; i++)
        {
            for (var o = 0; o < _choose[i].Length; o++)
            {
                if (_choose[i][o] is { } choose)
                {
                    objective.AddTerm(choose, Weights.Booking + (Weights.Score * _units[i][o]));
                    hintScore += _hints[choose.GetIndex()] ? _units[i][o] : 0;
                }
            }
        }

        Model.Maximize(objective);
        HintObjective = Weights.Objective(booked, hintScore, hintFairness);
    }

    /// <summary>The model to solve.</summary>
    public CpModel Model { get; } = new();

    /// <summary>The objective's weights.</summary>
    public LexicographicWeights Weights { get; }

    /// <summary>The objective of the hinted plan.</summary>
    public long HintObjective { get; }

    /// <summary>The plan in a solver's answer: per booked request, its option and the attendees of each stage (panel first, then each pool's members in fairness order).</summary>
    public IEnumerable<(int Request, int Option, EngineParticipant[][] People)> Read(CpSolverResponse response)
    {
        var values = response.Solution;
        for (var i = 0; i < _choose.Length; i++)
        {
            var o = Array.FindIndex(_choose[i], x => x is not null && values[x.GetIndex()] != 0);
            if (o < 0)
            {
                continue;
            }

            var stages = _plans[_free[i]].Stages;
            var people = new EngineParticipant[stages.Length][];
            for (var s = 0; s < stages.Length; s++)
            {
                var chosen = new List<EngineParticipant>(stages[s].Panel);
                for (var k = 0; k < stages[s].Pools.Length; k++)
                {
                    chosen.AddRange(_seats[i][o].Where(seat => seat.Stage == s && seat.Pool == k && values[seat.Literal.GetIndex()] != 0).Select(seat => seat.Member));
                }

                people[s] = [.. chosen];
            }

            yield return (_free[i], o, people);
        }
    }

    /// <summary>Adds option <paramref name="o"/> of free request <paramref name="i"/> unless the fixed bookings rule it out; returns its pool seats.</summary>
    private Seat[] AddOption(int i, int o, CandidateOption option, EngineParticipant[][]? hintedPeople)
    {
        var plan = _plans[_free[i]];
        var eligible = new List<EngineParticipant>[plan.Stages.Length][];
        for (var s = 0; s < plan.Stages.Length; s++)
        {
            var stage = plan.Stages[s];
            var interval = TimeInterval.FromStart(option.Starts[s], stage.Length);
            if (!_rest.IsFree(plan.Candidate, interval) || !Array.TrueForAll(stage.Panel, p => _rest.IsFree(p, interval)))
            {
                return [];
            }

            eligible[s] = new List<EngineParticipant>[stage.Pools.Length];
            for (var k = 0; k < stage.Pools.Length; k++)
            {
                eligible[s][k] = [.. stage.Pools[k].MembersByFairness.Where(m => Array.IndexOf(stage.Panel, m) < 0 && OptionSearch.IsAvailable(m, interval) && _rest.IsFree(m, interval))];
                if (eligible[s][k].Count < stage.Pools[k].Count)
                {
                    return [];
                }
            }
        }

        var choose = NewBool(hintedPeople is not null);
        _choose[i][o] = choose;
        var seats = new List<Seat>();
        for (var s = 0; s < plan.Stages.Length; s++)
        {
            var stage = plan.Stages[s];
            var interval = TimeInterval.FromStart(option.Starts[s], stage.Length);
            Attend(plan.Candidate, interval, i, o, choose, interviews: false);
            foreach (var p in stage.Panel)
            {
                Attend(p, interval, i, o, choose, interviews: true);
            }

            var offset = stage.Panel.Length;
            var stageSeats = new List<Seat>();
            for (var k = 0; k < stage.Pools.Length; k++)
            {
                var pool = stage.Pools[k];
                var load = Load(pool);
                var hinted = hintedPeople is null ? [] : hintedPeople[s].AsSpan(offset, pool.Count).ToArray();
                var literals = new List<BoolVar>();
                foreach (var member in eligible[s][k])
                {
                    var seat = new Seat(s, k, member, NewBool(Array.IndexOf(hinted, member) >= 0));
                    stageSeats.Add(seat);
                    literals.Add(seat.Literal);
                    Attend(member, interval, i, o, seat.Literal, interviews: true);
                    load.Add(member, pool.RecentLoad[Array.IndexOf(pool.MembersByFairness, member)], i, o, seat.Literal, _hints[seat.Literal.GetIndex()]);
                }

                Model.Add(LinearExpr.Sum(literals) == pool.Count * choose);
                offset += pool.Count;
            }

            // A member of two pools of one stage sits in at most one of them.
            foreach (var twice in stageSeats.GroupBy(seat => seat.Member, ReferenceEqualityComparer.Instance).Where(g => g.Count() > 1))
            {
                Model.AddAtMostOne(twice.Select(seat => seat.Literal));
            }

            seats.AddRange(stageSeats);
        }

        return [.. seats];
    }

    private void Attend(EngineParticipant p, TimeInterval interval, int i, int o, BoolVar literal, bool interviews)
    {
        if (!_attendance.TryGetValue(p, out var attendance))
        {
            _attendance[p] = attendance = new Attendance();
            _participants.Add(p);
        }

        var buffer = p.BufferBefore > p.BufferAfter ? p.BufferBefore : p.BufferAfter;
        attendance.Uses.Add(new ConflictCliques.Use(interval.Start, interval.End + buffer, i, o, literal));
        if (interviews && p.HasCaps)
        {
            var date = p.LocalDateOf(interval.Start);
            attendance.Add(attendance.Days, date, i, o, literal);
            attendance.Add(attendance.Weeks, date.IsoWeekStart(), i, o, literal);
        }
    }

    /// <summary>At most one request attends at each maximal set of overlapping uses; an option attending twice in one set counts once.</summary>
    private void AddConflicts(Attendance attendance)
    {
        foreach (var clique in ConflictCliques.Find(attendance.Uses))
        {
            var literals = clique
                .GroupBy(use => (use.Request, use.Option))
                .Select(option => Either([.. option.Select(use => use.Literal).DistinctBy(l => l.GetIndex())]));
            Model.AddAtMostOne(literals);
        }
    }

    /// <summary>A literal true when any of <paramref name="literals"/> is (the solver may set it true otherwise, which only restricts itself).</summary>
    private BoolVar Either(BoolVar[] literals)
    {
        if (literals.Length == 1)
        {
            return literals[0];
        }

        var key = string.Join(',', literals.Select(l => l.GetIndex()).Order());
        if (!_either.TryGetValue(key, out var either))
        {
            _either[key] = either = NewBool(literals.Any(l => _hints[l.GetIndex()]));
            foreach (var literal in literals)
            {
                Model.AddImplication(literal, either);
            }
        }

        return either;
    }

    private void AddCaps(EngineParticipant p, Attendance attendance)
    {
        Cap(p.Input.MaxInterviewsPerDay, p.DayCounts, attendance.Days, period => _rest.Placed(p, period, period.IsoWeekStart()).Day);
        Cap(p.Input.MaxInterviewsPerWeek, p.WeekCounts, attendance.Weeks, week => _rest.Placed(p, week, week).Week);

        void Cap(int? cap, Dictionary<LocalDate, int> existing, Dictionary<LocalDate, List<(int Request, int Option, BoolVar Literal)>> planned, Func<LocalDate, int> fixedCount)
        {
            if (cap is not { } max)
            {
                return;
            }

            foreach (var (period, entries) in planned)
            {
                var left = max - existing.GetValueOrDefault(period) - fixedCount(period);
                var most = entries.GroupBy(e => e.Request).Sum(request => request.GroupBy(e => e.Option).Max(option => option.Count()));
                if (most > left)
                {
                    Model.Add(LinearExpr.Sum(entries.Select(e => e.Literal)) <= left);
                }
            }
        }
    }

    private PoolLoad Load(PoolPlan pool)
    {
        if (!_pools.TryGetValue(pool.Request.PoolId, out var load))
        {
            _pools[pool.Request.PoolId] = load = new PoolLoad(pool.RecentLoad.DefaultIfEmpty(0).Max());
        }

        return load;
    }

    private BoolVar NewBool(bool hint)
    {
        var literal = Model.NewBoolVar(string.Empty);
        Hint(literal, hint ? 1 : 0);
        return literal;
    }

    private void Hint(IntVar variable, long value)
    {
        // Indexes are dense and in creation order; the list mirrors them so hinted values can be read back.
        while (_hints.Count <= variable.GetIndex())
        {
            _hints.Add(false);
        }

        _hints[variable.GetIndex()] = value != 0;
        Model.AddHint(variable, value);
    }

    /// <summary>A pool member's seat in one stage of one option.</summary>
    private sealed record Seat(int Stage, int Pool, EngineParticipant Member, BoolVar Literal);

    /// <summary>Everything one participant may attend in the batch: uses for conflicts, and interviews per local date and ISO week for caps.</summary>
    private sealed class Attendance
    {
        public List<ConflictCliques.Use> Uses { get; } = [];

        public Dictionary<LocalDate, List<(int Request, int Option, BoolVar Literal)>> Days { get; } = [];

        public Dictionary<LocalDate, List<(int Request, int Option, BoolVar Literal)>> Weeks { get; } = [];

        public void Add(Dictionary<LocalDate, List<(int, int, BoolVar)>> periods, LocalDate key, int r, int o, BoolVar literal)
        {
            if (!periods.TryGetValue(key, out var list))
            {
                periods[key] = list = [];
            }

            list.Add((r, o, literal));
        }
    }
}
