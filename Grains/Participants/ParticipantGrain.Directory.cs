using Scheduler.Grains.Indexes;

namespace Scheduler.Grains.Participants;

/// <summary>The participant's entry in its tenant's directory (<see cref="ITenantDirectoryGrain"/>), and deleting the participant.</summary>
public sealed partial class ParticipantGrain
{
    /// <inheritdoc />
    public async Task<ParticipantDeletion> Delete()
    {
        var (tenant, id) = GrainKeys.Split(this.GetPrimaryKeyString());
        var directory = GrainFactory.GetGrain<ITenantDirectoryGrain>(TenantDirectoryKeys.For(tenant, id));
        if (S.Profile is null)
        {
            // A delete whose directory call failed left the entry behind; repeating the delete removes it.
            await directory.RemoveParticipant(id);
            return new ParticipantDeletion(false, false, []);
        }

        var now = time.GetUtcNow();
        var active = S.Bookings.Where(b => b.Intervals.Any(i => i.End > now)).Concat(LiveHolds(now))
            .Select(b => b.RequestId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (active.Length > 0)
        {
            return new ParticipantDeletion(true, false, active);
        }

        var previous = S.Profile.Calendars;
        await this.WriteOrDeactivateAsync(() => state.ClearStateAsync(), WriteFailed);

        // Storage providers need not reset the state in memory; this activation must see a participant that does not exist.
        state.State = new ParticipantState();

        _busy.Clear();
        await directory.RemoveParticipant(id);
        await ForgetDroppedAccountsAsync(previous, []);
        return new ParticipantDeletion(true, true, []);
    }

    /// <summary>Upserts this participant's summary after its profile was stored; a failure fails the caller's upsert, which is safe to repeat.</summary>
    private Task ListInDirectoryAsync(ParticipantProfile profile)
    {
        var (tenant, id) = GrainKeys.Split(this.GetPrimaryKeyString());
        return GrainFactory.GetGrain<ITenantDirectoryGrain>(TenantDirectoryKeys.For(tenant, id))
            .UpsertParticipant(new ParticipantSummary(id, profile.DisplayName, profile.Kind, profile.TimeZone));
    }
}
