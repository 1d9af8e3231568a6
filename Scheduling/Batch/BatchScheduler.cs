namespace Scheduler.Scheduling.Batch;

/// <summary>
/// Schedules many requests that compete for the same people (DESIGN.md §4: book as many as possible, then by
/// score). Pure, like <see cref="SchedulingEngine"/>.
/// </summary>
/// <remarks>
/// Each request's options are computed once against the participants' existing busy time and caps; then three
/// conflict-free solutions are built over a shared ledger and the best one (most bookings, then highest total
/// score) is returned:
/// <list type="number">
/// <item><b>greedy</b>: first come, first served, each request taking its best option still free;</item>
/// <item><b>greedy+repair</b>: the greedy solution, then augmenting repairs (an unbooked request takes an option
/// blocked by one booked request, which moves to another of its options, possibly displacing one more, up to
/// <see cref="BatchOptions.RepairDepth"/>), then upgrades of booked requests to better free options;</item>
/// <item><b>mostConstrainedFirst+repair</b>: requests with the fewest options placed first, then the same repairs.</item>
/// </list>
/// Because the greedy solution is one of the candidates, the result never books fewer requests than greedy; repairs
/// only ever add bookings, so whenever greedy leaves a request unbooked that a chain of at most
/// <see cref="BatchOptions.RepairDepth"/> moves can seat, the result books strictly more.
/// </remarks>
public static class BatchScheduler
{
    /// <summary>Books as many of <paramref name="requests"/> as possible without double-booking anyone or exceeding any cap.</summary>
    /// <param name="requests">The requests, in arrival order (the order greedy uses).</param>
    /// <param name="participants">Inputs for every participant the requests name; shared across requests.</param>
    /// <param name="now">The current instant (UTC).</param>
    /// <param name="options">Tuning; <see cref="BatchOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>One assignment per request, the counts, and an upper bound on the optimum.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A request is malformed or names a participant without input.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of its documented range.</exception>
    public static BatchResult Schedule(IReadOnlyList<SchedulingRequest> requests, IReadOnlyCollection<ParticipantAvailabilityInput> participants, Instant now, BatchOptions? options = null) =>
        ScheduleWith(CpSatBatchSolver.Default, requests, participants, now, options);

    /// <summary><see cref="Schedule(IReadOnlyList{SchedulingRequest}, IReadOnlyCollection{ParticipantAvailabilityInput}, Instant, BatchOptions?)"/> with the given solver runner.</summary>
    internal static BatchResult ScheduleWith(CpSatBatchSolver solver, IReadOnlyList<SchedulingRequest> requests, IReadOnlyCollection<ParticipantAvailabilityInput> participants, Instant now, BatchOptions? options)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(participants);
        options ??= BatchOptions.Default;
        Validate(options);

        var byId = SchedulingEngine.Index(participants);
        var lookup = SchedulingEngine.Participants(byId, UnionRange(requests, now));
        var plans = new RequestPlan[requests.Count];
        var candidates = new CandidateOption[requests.Count][];
        var diagnoses = new NoAvailability?[requests.Count];
        for (var r = 0; r < requests.Count; r++)
        {
            ArgumentNullException.ThrowIfNull(requests[r], nameof(requests));
            plans[r] = RequestPlan.Create(requests[r], lookup, now);
            var all = SchedulingEngine.Rank(plans[r]);
            if (all.Count == 0)
            {
                diagnoses[r] = Diagnostics.Diagnose(plans[r]);
                candidates[r] = [];
                continue;
            }

            var chosen = ProposalSelector.Select(all, options.OptionsPerRequest, plans[r].Candidate.Zone);
            candidates[r] = [.. chosen];
        }

        var arrival = Enumerable.Range(0, requests.Count);
        var greedy = PlaceInOrder(arrival);
        var greedyCount = greedy.Booked;
        var best = greedy;
        var strategy = "greedy";
        if (greedy.Booked < requests.Count)
        {
            var mostConstrainedFirst = arrival.OrderBy(r => candidates[r].Length).ThenBy(r => r);
            foreach (var (order, name) in new[] { (arrival, "greedy+repair"), (mostConstrainedFirst, "mostConstrainedFirst+repair") })
            {
                var repaired = PlaceInOrder(order);
                Repair(repaired, plans, candidates, options);
                if (Better(repaired, best))
                {
                    best = repaired;
                    strategy = name;
                }
            }
        }

        Upgrade(best, plans, candidates);
        var (improved, report) = solver.Improve(plans, candidates, best, options);
        strategy = improved ? "cpSat" : strategy;

        var assignments = new BatchAssignment[requests.Count];
        for (var r = 0; r < requests.Count; r++)
        {
            var placement = best[r];
            assignments[r] = placement is null
                ? new BatchAssignment(r, requests[r].RequestId, null, diagnoses[r] ?? new NoAvailability(
                    NoAvailabilityReason.TakenByOtherRequests,
                    "Every option of this request conflicts with interviews booked for other requests in the batch."))
                : new BatchAssignment(r, requests[r].RequestId, SchedulingEngine.ToPublic(placement.Plan, placement.Option.Starts, placement.People), null);
        }

        var bound = BatchUpperBound.Compute(plans, candidates);
        return new BatchResult(assignments, best.Booked, best.TotalScore, greedyCount, report.BookedBound is { } proven ? Math.Min(bound, proven) : bound, strategy, report);

        // A new solution in which each request, in the given order, takes its best option still free.
        BatchLedger PlaceInOrder(IEnumerable<int> order)
        {
            var ledger = new BatchLedger(requests.Count);
            foreach (var r in order)
            {
                PlaceBest(ledger, r, plans, candidates);
            }

            return ledger;
        }
    }

    private static bool PlaceBest(BatchLedger ledger, int request, RequestPlan[] plans, CandidateOption[][] candidates) =>
        candidates[request].Any(option => ledger.TryPlace(request, plans[request], option, option.Score));

    private static void Repair(BatchLedger ledger, RequestPlan[] plans, CandidateOption[][] candidates, BatchOptions options)
    {
        for (var pass = 0; pass < options.RepairPasses; pass++)
        {
            var gained = false;
            for (var r = 0; r < plans.Length; r++)
            {
                if (ledger[r] is null && candidates[r].Length > 0 && Augment(ledger, r, options.RepairDepth, [r], plans, candidates))
                {
                    gained = true;
                }
            }

            if (!gained)
            {
                break;
            }
        }
    }

    /// <summary>Seats <paramref name="request"/>, moving at most <paramref name="depth"/> booked requests in a chain; leaves the ledger unchanged on failure.</summary>
    private static bool Augment(BatchLedger ledger, int request, int depth, HashSet<int> moving, RequestPlan[] plans, CandidateOption[][] candidates)
    {
        if (PlaceBest(ledger, request, plans, candidates))
        {
            return true;
        }

        if (depth == 0)
        {
            return false;
        }

        foreach (var option in candidates[request])
        {
            var blockers = ledger.Blockers(plans[request], option);
            if (blockers.Count != 1)
            {
                continue;
            }

            var blocker = blockers.First();
            if (moving.Contains(blocker))
            {
                continue;
            }

            var saved = ledger.Remove(blocker);
            if (ledger.TryPlace(request, plans[request], option, option.Score))
            {
                moving.Add(blocker);
                if (Augment(ledger, blocker, depth - 1, moving, plans, candidates))
                {
                    return true;
                }

                moving.Remove(blocker);
                ledger.Remove(request);
            }

            ledger.Add(blocker, saved);
        }

        return false;
    }

    /// <summary>Moves each booked request to a better-scoring option that is free, keeping the booked count.</summary>
    private static void Upgrade(BatchLedger ledger, RequestPlan[] plans, CandidateOption[][] candidates)
    {
        for (var r = 0; r < plans.Length; r++)
        {
            var current = ledger[r];
            if (current is null || candidates[r].Length == 0 || ReferenceEquals(candidates[r][0], current.Option))
            {
                continue;
            }

            ledger.Remove(r);
            var placed = false;
            foreach (var option in candidates[r])
            {
                if (option.Score <= current.Score)
                {
                    break;
                }

                if (ledger.TryPlace(r, plans[r], option, option.Score))
                {
                    placed = true;
                    break;
                }
            }

            if (!placed)
            {
                ledger.Add(r, current);
            }
        }
    }

    private static bool Better(BatchLedger a, BatchLedger b) => a.Booked > b.Booked || (a.Booked == b.Booked && a.TotalScore > b.TotalScore + 1e-9);

    private static TimeInterval UnionRange(IReadOnlyList<SchedulingRequest> requests, Instant now)
    {
        Instant? start = null, end = null;
        foreach (var request in requests)
        {
            ArgumentNullException.ThrowIfNull(request, nameof(requests));
            var search = SchedulingEngine.SearchRange(request, now);
            if (search.IsEmpty)
            {
                continue;
            }

            start = start is null || search.Start < start ? search.Start : start;
            end = end is null || search.End > end ? search.End : end;
        }

        return start is null ? new TimeInterval(now, now) : new TimeInterval(start.Value, end!.Value);
    }

    private static void Validate(BatchOptions options)
    {
        if (options.OptionsPerRequest is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.OptionsPerRequest, "OptionsPerRequest must be between 1 and 1000.");
        }

        if (options.RepairDepth is < 0 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RepairDepth, "RepairDepth must be between 0 and 4.");
        }

        if (options.RepairPasses is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RepairPasses, "RepairPasses must be between 0 and 10.");
        }

        if (options.SolverTimeLimit < TimeSpan.Zero || options.SolverTimeLimit > BatchOptions.MaxSolverTimeLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.SolverTimeLimit, $"SolverTimeLimit must be between 0 and {BatchOptions.MaxSolverTimeLimit}.");
        }

        if (options.SolverChunkSize is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.SolverChunkSize, "SolverChunkSize must be between 1 and 10,000.");
        }
    }
}
