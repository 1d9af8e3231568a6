using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Scheduler.Grains.Tests;

/// <summary>A submit that stored the request but failed to register its process reminder is completed by the caller's retry.</summary>
public sealed class SubmitRetryTests
{
    [Fact]
    public async Task Submit_ReminderRegistrationFailsOnce_RetryRegistersItAndTheRequestProceeds()
    {
        var reminders = new MemoryReminderTable();
        await using var host = await TestSiloHost.StartAsync(silo =>
        {
            silo.AddSchedulerGrains();
            silo.Services.Replace(ServiceDescriptor.Singleton<IReminderTable>(reminders));
        });
        var cluster = host.GrainFactory;
        await cluster.Participant("c1").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Candidate));
        await cluster.Participant("i1").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer));
        var request = cluster.Request("r1");
        var spec = GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook);

        reminders.FailUpserts = true;
        await Assert.ThrowsAnyAsync<Exception>(() => request.Submit(spec));
        Assert.Equal(RequestStatus.Pending, (await request.Get())!.Status); // stored, but without its reminder
        Assert.Null(await reminders.ReadRow(request.GetGrainId(), "process"));

        reminders.FailUpserts = false;
        var retried = await request.Submit(spec);

        Assert.False(retried.Created);
        Assert.Contains((request.GetGrainId(), "process"), reminders.Upserted); // it may already be gone again: a booked request stops it
        await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);
    }
}
