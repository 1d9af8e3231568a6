using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scheduler.Runtime;
using Scheduler.Runtime.Reminders;
using Scheduler.Runtime.Testing;

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
            silo.AddGrains(SchedulerGrains.Assembly);
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
        Assert.Null(await reminders.ReadAsync(request.GetGrainId(), "process", CancellationToken.None));

        var retried = await request.Submit(spec);

        Assert.False(retried.Created);
        Assert.NotNull(await reminders.ReadAsync(request.GetGrainId(), "process", CancellationToken.None));
        await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);
    }

    /// <summary>The in-memory reminder table, whose next upsert fails once armed (a store fault).</summary>
    private sealed class FailFirstUpsertReminderTable : IReminderTable
    {
        private readonly MemoryReminderTable _inner = new();
        private int _armed;

        public void Arm() => Volatile.Write(ref _armed, 1);

        public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint beginHash, uint endHash, CancellationToken cancellationToken) => _inner.ReadRangeAsync(beginHash, endHash, cancellationToken);

        public Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(GrainId grainId, CancellationToken cancellationToken) => _inner.ReadGrainAsync(grainId, cancellationToken);

        public Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) => _inner.ReadAsync(grainId, reminderName, cancellationToken);

        public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken) =>
            Interlocked.Exchange(ref _armed, 0) == 1
                ? throw new IOException("The reminder store is unreachable.")
                : _inner.UpsertAsync(entry, cancellationToken);

        public Task<string?> UpdateNextDueAsync(GrainId grainId, string reminderName, DateTimeOffset nextDue, string expectedETag, CancellationToken cancellationToken) =>
            _inner.UpdateNextDueAsync(grainId, reminderName, nextDue, expectedETag, cancellationToken);

        public Task<bool> RemoveAsync(GrainId grainId, string reminderName, string? expectedETag, CancellationToken cancellationToken) =>
            _inner.RemoveAsync(grainId, reminderName, expectedETag, cancellationToken);
    }
}
