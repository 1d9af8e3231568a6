namespace Scheduler.Cluster.Tests;

/// <summary>What must hold in the stored grain states after the cluster settled; each check returns the violations it found (empty when it holds).</summary>
public static class StoreInvariants
{
    /// <summary>No participant has two stored bookings whose intervals overlap (buffers are 0 in the workload).</summary>
    public static List<string> OverlappingBookings(IReadOnlyDictionary<string, ParticipantState> participants)
    {
        var violations = new List<string>();
        foreach (var (key, state) in participants)
        {
            var intervals = state.Bookings
                .SelectMany(b => b.Intervals.Select(i => (b.RequestId, i.Start, i.End)))
                .OrderBy(i => i.Start)
                .ToList();
            for (var n = 1; n < intervals.Count; n++)
            {
                if (intervals[n].Start < intervals[n - 1].End)
                {
                    violations.Add($"{key}: {intervals[n - 1].RequestId} [{intervals[n - 1].Start:O}, {intervals[n - 1].End:O}) overlaps {intervals[n].RequestId} [{intervals[n].Start:O}, {intervals[n].End:O})");
                }
            }
        }

        return violations;
    }

    /// <summary>Every booked request's stages appear, exactly once and with the same interval, in the stored bookings of each attendee (the candidate and the stage's interviewers).</summary>
    public static List<string> BookingsMissingFromAttendees(string tenant, IReadOnlyDictionary<string, RequestState> requests, IReadOnlyDictionary<string, ParticipantState> participants)
    {
        var violations = new List<string>();
        foreach (var (key, request) in requests.Where(r => r.Value.Status is RequestStatus.Booked or RequestStatus.Completed))
        {
            if (request.Booking is not { Stages.Count: > 0 } booking)
            {
                violations.Add($"{key} is {request.Status} without a booking");
                continue;
            }

            var expected = new Dictionary<string, List<TimeRange>>(StringComparer.Ordinal);
            foreach (var stage in booking.Stages)
            {
                foreach (var attendee in stage.InterviewerIds.Prepend(request.Spec!.CandidateId).Distinct(StringComparer.Ordinal))
                {
                    (expected.TryGetValue(attendee, out var list) ? list : expected[attendee] = []).Add(new TimeRange(stage.Start, stage.End));
                }
            }

            foreach (var (attendee, intervals) in expected)
            {
                var stored = participants.TryGetValue(GrainKeys.For(tenant, attendee), out var state)
                    ? state.Bookings.Where(b => b.RequestId == key).ToList()
                    : [];
                if (stored.Count != 1)
                {
                    violations.Add($"{key}: attendee {attendee} has {stored.Count} stored bookings of it, expected 1");
                }
                else if (!stored[0].Intervals.OrderBy(i => i.Start).SequenceEqual(intervals.OrderBy(i => i.Start)))
                {
                    violations.Add($"{key}: attendee {attendee} stored {string.Join(", ", stored[0].Intervals)}, the request booked {string.Join(", ", intervals)}");
                }
            }
        }

        return violations;
    }

    /// <summary>Every stored booking belongs to a request that is stored as booked (or completed): no booking survives a request that did not book.</summary>
    public static List<string> OrphanBookings(IReadOnlyDictionary<string, RequestState> requests, IReadOnlyDictionary<string, ParticipantState> participants) =>
        [.. participants
            .SelectMany(p => p.Value.Bookings.Select(b => (Participant: p.Key, b.RequestId)))
            .Where(b => !requests.TryGetValue(b.RequestId, out var r) || r.Status is not (RequestStatus.Booked or RequestStatus.Completed))
            .Select(b => $"{b.Participant} keeps a booking of {b.RequestId}, stored as {(requests.TryGetValue(b.RequestId, out var r) ? r.Status.ToString() : "missing")}")];

    /// <summary>Every stored hold carries an expiry no later than its creation plus <paramref name="ttl"/> (a lease never longer than the TTL the requests ask for).</summary>
    public static List<string> HoldsLongerThanTtl(IReadOnlyDictionary<string, ParticipantState> participants, TimeSpan ttl) =>
        [.. participants
            .SelectMany(p => p.Value.Holds.Select(h => (Participant: p.Key, Hold: h)))
            .Where(h => h.Hold.ExpiresAt is not { } expires || expires - h.Hold.CreatedAt > ttl)
            .Select(h => $"{h.Participant}: hold of {h.Hold.RequestId} created {h.Hold.CreatedAt:O} expires {h.Hold.ExpiresAt:O}")];
}
