using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Collections.Concurrent;

namespace Scheduler.Grains.Tests;

/// <summary>A submit that stored the request but failed to register its process reminder is completed by the caller's retry.</summary>
public sealed class SubmitRetryTests
{
    [Fact]
    public async Task Submit_ReminderRegistrationFailsOnce_RetryRegistersItAndTheRequestProceeds()
    {
        var reminders = new FailFirstUpsertReminderTable();
        await using var host = await TestSiloHost.StartAsync(silo =>
        {
            silo.AddSchedulerGrains();
            silo.Services.Replace(ServiceDescriptor.Singleton<IReminderTable>(reminders));
        });
        var cluster = host.GrainFactory;
        var candidate = cluster.GetGrain<IParticipantGrain>(GrainKeys.For(GrainTestCluster.Tenant, "c1"));
        var interviewer = cluster.GetGrain<IParticipantGrain>(GrainKeys.For(GrainTestCluster.Tenant, "i1"));
        await candidate.UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Candidate));
        await interviewer.UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer));
        var request = cluster.GetGrain<IInterviewRequestGrain>(GrainTestCluster.RequestKey("r1"));
        var spec = GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook);

        reminders.Arm();
        await Assert.ThrowsAnyAsync<Exception>(() => request.Submit(spec));
        Assert.Equal(RequestStatus.Pending, (await request.Get())!.Status); // stored, but without its reminder
        Assert.Null(await reminders.ReadRow(request.GetGrainId(), "process"));

        var retried = await request.Submit(spec);

        Assert.False(retried.Created);
        Assert.NotNull(await reminders.ReadRow(request.GetGrainId(), "process"));
        await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);
    }

    /// <summary>An in-memory reminder table whose next upsert fails once armed (a store fault).</summary>
    private sealed class FailFirstUpsertReminderTable : IReminderTable
    {
        private readonly ConcurrentDictionary<(GrainId Grain, string Name), ReminderEntry> _rows = new();
        private int _armed;
        private long _etag;

        public void Arm() => Volatile.Write(ref _armed, 1);

        public Task<ReminderTableData> ReadRows(GrainId grainId) =>
            Task.FromResult(new ReminderTableData(_rows.Values.Where(r => r.GrainId == grainId).ToList()));

        public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
            Task.FromResult(new ReminderTableData(_rows.Values.Where(r => InRange(r.GrainId.GetUniformHashCode(), begin, end)).ToList()));

        public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
            Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var row) ? row : null);

        public Task<string?> UpsertRow(ReminderEntry entry)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                throw new IOException("The reminder store is unreachable.");
            }

            entry.ETag = Interlocked.Increment(ref _etag).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _rows[(entry.GrainId, entry.ReminderName)] = entry;
            return Task.FromResult<string?>(entry.ETag);
        }

        public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
            Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var row) && row.ETag == eTag && _rows.TryRemove((grainId, reminderName), out _));

        public Task TestOnlyClearTable()
        {
            _rows.Clear();
            return Task.CompletedTask;
        }

        private static bool InRange(uint hash, uint begin, uint end) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
    }
}
