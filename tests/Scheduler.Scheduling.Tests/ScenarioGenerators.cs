namespace Scheduler.Scheduling.Tests;

/// <summary>A generated world: participants with calendars, and requests over them.</summary>
internal sealed record Scenario(Instant Now, IReadOnlyList<ParticipantAvailabilityInput> People, IReadOnlyList<SchedulingRequest> Requests)
{
    public ParticipantAvailabilityInput this[string id] => People.Single(p => p.ParticipantId == id);

    public override string ToString() =>
        $"now={Now}; requests={string.Join(" | ", Requests.Select(r => $"{r.CandidateId} {r.Window} g={r.SlotGranularityMinutes} notice={r.MinimumNoticeMinutes} seq={r.Sequencing} stages=[{string.Join(", ", r.Stages.Select(s => $"{s.DurationMinutes}m {string.Join("+", s.InterviewerIds)} pools={s.Pools.Count}"))}]"))}; "
        + $"people={string.Join(" | ", People.Select(p => $"{p.ParticipantId} {p.Zone.Id} {string.Join(",", p.WorkingHours.Select(w => $"{w.Start}-{w.End}x{w.Days.Count}"))} busy={p.Busy.Count} buf={p.BufferBeforeMinutes}/{p.BufferAfterMinutes} caps={p.MaxInterviewsPerDay}/{p.MaxInterviewsPerWeek} booked={p.BookedInterviewStarts.Count}"))}";
}

internal static class ScenarioGenerators
{
    private static readonly DateTimeZone[] Zones =
    [
        DateTimeZone.Utc,
        DateTimeZoneProviders.Tzdb["America/New_York"],
        DateTimeZoneProviders.Tzdb["Europe/London"],
        DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"],
        DateTimeZoneProviders.Tzdb["Asia/Kolkata"],
        DateTimeZoneProviders.Tzdb["Asia/Kathmandu"],
        DateTimeZoneProviders.Tzdb["Pacific/Chatham"],
        DateTimeZoneProviders.Tzdb["America/Sao_Paulo"],
    ];

    private static readonly Instant Epoch = Instant.FromUtc(2026, 1, 1, 0, 0);

    /// <summary>One request (single stage, panel, pool or loop) over 2–8 people.</summary>
    public static Gen<Scenario> SingleRequest { get; } =
        from day in Gen.Choose(0, 729)
        from days in Gen.Choose(1, 5)
        from interviewers in Gen.Choose(1, 3)
        from request in RequestGen(Epoch + Duration.FromDays(day), days, "cand", interviewers)
        from people in People(Epoch + Duration.FromDays(day), days, ["cand", .. Ids("i", interviewers), .. Ids("p", 3)])
        from nowBack in Gen.Choose(0, 48 * 60)
        select new Scenario(request.Window.Start - Duration.FromMinutes(nowBack - 24 * 60), people, [request]);

    /// <summary>2–7 requests from different candidates competing for 1–3 interviewers (and a pool of 3).</summary>
    public static Gen<Scenario> Batch { get; } =
        from day in Gen.Choose(0, 729)
        from days in Gen.Choose(1, 3)
        from interviewers in Gen.Choose(1, 3)
        from count in Gen.Choose(2, 7)
        from requests in Gen.CollectToArray(Enumerable.Range(0, count), i => RequestGen(Epoch + Duration.FromDays(day), days, $"cand{i}", interviewers))
        from people in People(Epoch + Duration.FromDays(day), days, [.. Ids("cand", count), .. Ids("i", interviewers), .. Ids("p", 3)])
        select new Scenario(requests[0].Window.Start - Duration.FromHours(1), people, requests.Select((r, i) => r with { RequestId = $"r{i}" }).ToArray());

    private static string[] Ids(string prefix, int n) => Enumerable.Range(0, n).Select(i => $"{prefix}{i}").ToArray();

    private static Gen<ParticipantAvailabilityInput[]> People(Instant origin, int days, string[] ids) =>
        Gen.CollectToArray(ids, id => Participant(id, origin, days));

    private static Gen<ParticipantAvailabilityInput> Participant(string id, Instant origin, int days) =>
        from zone in Gen.Elements(Zones)
        from always in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from startHour in Gen.Choose(0, 14)
        from hours in Gen.Choose(3, 10)
        from weekdaysOnly in Gen.Elements(true, false)
        from eventCount in Gen.Choose(0, 12 * days)
        from events in Gen.ArrayOf(Event(origin, days), eventCount)
        from before in Gen.Elements(0, 0, 5, 10, 15)
        from after in Gen.Elements(0, 0, 5, 10, 15)
        from dayCap in Gen.Elements<int?>(null, null, 1, 2, 3)
        from weekCap in Gen.Elements<int?>(null, null, 2, 4, 8)
        from bookedCount in Gen.Choose(0, 3)
        from booked in Gen.ArrayOf(Gen.Choose(-96, days * 96), bookedCount)
        from preferredStart in Gen.Choose(6, 16)
        from hasPreferences in Gen.Elements(true, false)
        select Build(id, zone, always, startHour, hours, weekdaysOnly, events, before, after, dayCap, weekCap, booked, hasPreferences ? preferredStart : null, origin);

    private static ParticipantAvailabilityInput Build(
        string id, DateTimeZone zone, bool always, int startHour, int hours, bool weekdaysOnly, TimeInterval[] events, int before, int after,
        int? dayCap, int? weekCap, int[] booked, int? preferredStart, Instant origin)
    {
        var rule = always
            ? WeeklyTimeRule.Always
            : new WeeklyTimeRule(weekdaysOnly ? WeeklyTimeRule.Weekdays : WeeklyTimeRule.EveryDay, new LocalTime(startHour, 0), new LocalTime((startHour + hours) % 24, 0));
        var bookedStarts = booked.Select(q => origin + Duration.FromMinutes(15 * q)).ToArray();
        var busy = IntervalSet.From(events.Concat(bookedStarts.Select(s => TimeInterval.FromStart(s, Duration.FromMinutes(30)))));
        return new ParticipantAvailabilityInput(id, zone, [rule])
        {
            Busy = busy,
            BufferBeforeMinutes = before,
            BufferAfterMinutes = after,
            MaxInterviewsPerDay = dayCap,
            MaxInterviewsPerWeek = weekCap,
            BookedInterviewStarts = bookedStarts,
            PreferredTimes = preferredStart is { } p ? [new WeeklyTimeRule(WeeklyTimeRule.EveryDay, new LocalTime(p, 0), new LocalTime(p + 3, 0))] : [],
        };
    }

    private static Gen<TimeInterval> Event(Instant origin, int days) =>
        from startMinute in Gen.Choose(-12 * 60, (days + 1) * 24 * 60)
        from length in Gen.Choose(1, 36)
        select TimeInterval.FromStart(origin + Duration.FromMinutes(startMinute), Duration.FromMinutes(length * 5));

    private static Gen<SchedulingRequest> RequestGen(Instant origin, int days, string candidate, int interviewers) =>
        from offsetHours in Gen.Choose(0, 12)
        from stageCount in Gen.Frequency((3, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
        from durations in Gen.ArrayOf(Gen.Elements(15, 30, 45, 60, 90), stageCount)
        from panelSizes in Gen.ArrayOf(Gen.Choose(0, interviewers), stageCount)
        from poolCounts in Gen.ArrayOf(Gen.Elements(0, 0, 1, 2), stageCount)
        from granularity in Gen.Elements(5, 10, 15, 15, 20, 30, 60)
        from notice in Gen.Choose(0, 24 * 60)
        from minGap in Gen.Choose(0, 4)
        from extraGap in Gen.Choose(0, 4)
        from sameDay in Gen.Elements(true, true, false)
        from preferredStart in Gen.Choose(6, 18)
        from required in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new SchedulingRequest(
            candidate,
            Enumerable.Range(0, stageCount).Select(s => new StageRequest($"S{s}", durations[s], Ids("i", interviewers).Skip(s % interviewers).Take(Math.Max(panelSizes[s], poolCounts[s] == 0 ? 1 : 0)).ToArray())
            {
                Pools = poolCounts[s] == 0 ? [] : [new PoolRequirement("pool", poolCounts[s], Ids("p", 3))],
            }).ToArray(),
            new TimeInterval(origin + Duration.FromHours(offsetHours), origin + Duration.FromDays(days)))
        {
            SlotGranularityMinutes = granularity,
            MinimumNoticeMinutes = notice,
            MaxProposals = 50,
            Sequencing = new SequencingRules(sameDay, minGap * 15, (minGap + extraGap) * 15),
            CandidatePreferredTimes = [new WeeklyTimeRule(WeeklyTimeRule.EveryDay, new LocalTime(preferredStart, 0), new LocalTime(preferredStart + 4, 0))],
            CandidatePreferredTimesRequired = required,
        };
}
