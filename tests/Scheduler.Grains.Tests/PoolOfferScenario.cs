namespace Scheduler.Grains.Tests;

/// <summary>
/// The set-up of the first-to-accept pool tests: candidate c1; i1 free only at <see cref="Slot"/> that week; pool
/// backend = m1, m2 (free) and m3 (busy that morning).
/// </summary>
internal static class PoolOfferScenario
{
    /// <summary>Tuesday 2026-01-06 09:00 UTC: the only hour the named interviewer is free, so the slot every test offers.</summary>
    public static readonly DateTimeOffset Slot = GrainTestCluster.Start.AddDays(1);

    /// <summary>An auto-booked screen of c1 with i1 and one seat from pool backend, in the days from Tuesday to Friday.</summary>
    public static InterviewRequestSpec Spec() =>
        new("c1", [new StageSpec("screen", 60, ["i1"]) { Pools = [new PoolSlotSpec("backend", 1)] }], new TimeRange(Slot.AddHours(-9), Slot.AddDays(4).AddHours(-9)))
        {
            Mode = SchedulingMode.AutoBook,
            ExternalId = "ext-c1",
        };

    /// <summary>Adds the participants, their blocks and the pool; with <paramref name="slackIds"/> each interviewer has the Slack id <c>U-{ID}</c>.</summary>
    public static async Task SetUpAsync(IGrainFactory grains, PoolStrategy strategy = PoolStrategy.FirstToAccept, bool slackIds = false)
    {
        await grains.Participant("c1").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Candidate));
        foreach (var id in new[] { "i1", "m1", "m2", "m3" })
        {
            await grains.Participant(id).UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer) with { SlackUserId = slackIds ? "U-" + id.ToUpperInvariant() : null });
        }

        await grains.Participant("i1").ReplaceBlocks([new BusyBlock(Slot.AddHours(1), Slot.AddDays(4), "busy")]);
        await grains.Participant("m3").ReplaceBlocks([new BusyBlock(Slot.AddHours(-1), Slot.AddHours(3), "busy")]);
        await grains.Pool("backend").Upsert(new PoolDefinition(["m1", "m2", "m3"], strategy));
    }
}
