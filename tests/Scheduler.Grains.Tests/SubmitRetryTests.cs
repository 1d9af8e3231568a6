using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Scheduler.Grains.Tests;

/// <summary>
/// Commands whose state write or reminder registration failed: the caller's retry completes what the first call
/// stored, and never answers from state that storage does not have.
/// </summary>
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

    [Fact]
    public async Task Cancel_StateWriteFailsOnce_RetryReloadsTheBookingAndCancelsIt()
    {
        var storage = new RecordingGrainStorage();
        var armed = 0;
        storage.FailWrite = (_, _, state) => state is RequestState { Status: RequestStatus.Cancelled } && Interlocked.Exchange(ref armed, 0) == 1;
        await using var cluster = await GrainTestCluster.StartAsync(storage);
        await cluster.AddCandidateAsync("c1");
        await cluster.AddInterviewerAsync("i1");
        var request = cluster.Request("r1");
        await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook), RequestStatus.Booked);

        Interlocked.Exchange(ref armed, 1);
        await Assert.ThrowsAnyAsync<Exception>(() => request.Cancel("no longer needed"));
        Assert.Equal(RequestStatus.Booked, storage.Read<RequestState>(request.GetGrainId(), "request")!.Status);
        var retry = await request.Cancel("no longer needed");

        Assert.Equal(CommandError.None, retry.Error);
        Assert.Equal(RequestStatus.Cancelled, retry.Request!.Status);
        Assert.Equal(RequestStatus.Cancelled, storage.Read<RequestState>(request.GetGrainId(), "request")!.Status);
        Assert.Single(retry.Request.History, h => h.Status == RequestStatus.Cancelled);
        await TestSiloHost.WaitUntilAsync(async () => (await cluster.Participant("i1").ListBookings()).Count == 0 && (await cluster.Participant("c1").ListBookings()).Count == 0);
    }
}
