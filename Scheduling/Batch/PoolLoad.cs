using Google.OrTools.Sat;

namespace Scheduler.Scheduling.Batch;

/// <summary>
/// One pool's load in the assignment model, for the fairness goal: an integer variable at least every member's load —
/// bookings in the trailing fairness window before the batch plus the batch's seats given to them — so the objective
/// can keep the busiest member as little loaded as possible.
/// </summary>
/// <param name="initialBusiest">The busiest member's load before the batch (the lowest the variable can be).</param>
internal sealed class PoolLoad(int initialBusiest)
{
    private readonly Dictionary<EngineParticipant, Member> _members = new(ReferenceEqualityComparer.Instance);
    private readonly List<Member> _order = [];

    /// <summary>The busiest member's load before the batch.</summary>
    public long Base { get; } = initialBusiest;

    /// <summary>How far the batch can push the busiest load above <see cref="Base"/> (known after <see cref="AddTo"/>).</summary>
    public long Range { get; private set; }

    /// <summary>Records a seat of <paramref name="member"/> (whose load before the batch is <paramref name="recent"/>) in option <paramref name="option"/> of request <paramref name="request"/>.</summary>
    public void Add(EngineParticipant member, int recent, int request, int option, BoolVar seat, bool hinted)
    {
        if (!_members.TryGetValue(member, out var entry))
        {
            _members[member] = entry = new Member(recent);
            _order.Add(entry);
        }

        entry.Seats.Add(seat);
        entry.PerOption[(request, option)] = entry.PerOption.GetValueOrDefault((request, option)) + 1;
        entry.Hinted += hinted ? 1 : 0;
    }

    /// <summary>Adds the load variable and its constraints; returns it with the hinted plan's value above <see cref="Base"/>.</summary>
    public (IntVar Load, long Hinted) AddTo(CpModel model)
    {
        long most = Base, hinted = Base;
        foreach (var member in _order)
        {
            // A request sits in one option, so its most seats for this member are its options' most.
            most = Math.Max(most, member.Recent + member.PerOption.GroupBy(p => p.Key.Request).Sum(g => g.Max(p => p.Value)));
            hinted = Math.Max(hinted, member.Recent + member.Hinted);
        }

        Range = most - Base;
        var load = model.NewIntVar(Base, most, string.Empty);
        foreach (var member in _order)
        {
            model.Add(LinearExpr.Sum(member.Seats) + member.Recent <= load);
        }

        return (load, hinted - Base);
    }

    private sealed class Member(int recent)
    {
        public int Recent { get; } = recent;

        public List<BoolVar> Seats { get; } = [];

        public Dictionary<(int Request, int Option), int> PerOption { get; } = [];

        public int Hinted { get; set; }
    }
}
