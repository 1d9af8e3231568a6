using Microsoft.Extensions.DependencyInjection.Extensions;
using Scheduler.Grains.Settings;

namespace Scheduler.Grains.Tests;

/// <summary>
/// Commands whose state write or reminder registration failed: the caller's retry completes what the first call
/// stored (submit, cancel, select, reschedule), and never answers from state that storage does not have.
/// </summary>
public sealed class SubmitRetryTests
{
    [Fact]
    public async Task Submit_ReminderRegistrationAndWorkFailOnce_RetryRegistersItAndTheRequestProceeds()
    {
        var (host, reminders, faults) = await StartAsync();
        await using var _ = host;
        var request = host.GrainFactory.Request("r1");
        var spec = GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook);

        // The request is stored, its reminder is not, and its work turn fails (the activation is dropped).
        reminders.FailUpserts = true;
        faults.Method = nameof(IParticipantGrain.TryHold);
        await Assert.ThrowsAnyAsync<Exception>(() => request.Submit(spec));
        await TestSiloHost.WaitUntilAsync(() => faults.Thrown > 0);
        Assert.Equal(RequestStatus.Booking, (await request.Get())!.Status); // stored and under way, but without its reminder
        Assert.Null(await reminders.ReadRow(request.GetGrainId(), "process"));

        reminders.FailUpserts = false;
        faults.Method = null;
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

    [Fact]
    public async Task Cancel_ReminderRegistrationFails_ReleasesStillRunInTheLiveActivation()
    {
        var (host, reminders, _) = await StartAsync();
        await using var _ = host;
        var request = await BookAsync(host, reminders);

        reminders.FailUpserts = true;
        await Assert.ThrowsAnyAsync<Exception>(() => request.Cancel("no longer needed"));

        Assert.Equal(RequestStatus.Cancelled, (await request.Get())!.Status);
        await TestSiloHost.WaitUntilAsync(async () => (await host.GrainFactory.Participant("i1").ListBookings()).Count == 0 && (await host.GrainFactory.Participant("c1").ListBookings()).Count == 0);
    }

    [Fact]
    public async Task Cancel_ReminderRegistrationAndWorkFailOnce_RetryRestartsTheReleases()
    {
        var (host, reminders, faults) = await StartAsync();
        await using var _ = host;
        var request = await BookAsync(host, reminders);

        // The cancel is stored, its reminder is not, and its work turn fails (the activation is dropped).
        reminders.FailUpserts = true;
        faults.Method = nameof(IParticipantGrain.CancelBooking);
        await Assert.ThrowsAnyAsync<Exception>(() => request.Cancel("no longer needed"));
        await TestSiloHost.WaitUntilAsync(() => faults.Thrown > 0);
        reminders.FailUpserts = false;
        faults.Method = null;

        var retry = await request.Cancel("no longer needed");

        Assert.Equal(CommandError.None, retry.Error);
        Assert.Equal(RequestStatus.Cancelled, retry.Request!.Status);
        await TestSiloHost.WaitUntilAsync(async () => (await host.GrainFactory.Participant("i1").ListBookings()).Count == 0 && (await host.GrainFactory.Participant("c1").ListBookings()).Count == 0);
    }

    [Fact]
    public async Task Select_ReminderRegistrationAndWorkFailOnce_RetrySucceedsAndTheSelectionIsBooked()
    {
        var (host, reminders, faults) = await StartAsync();
        await using var _ = host;
        var request = host.GrainFactory.Request("r1");
        var proposed = await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.Propose), RequestStatus.Proposed);
        await TestSiloHost.WaitUntilAsync(async () => await reminders.ReadRow(request.GetGrainId(), "process") is null);
        var chosen = proposed.Proposals[^1];

        // The selection is stored, its reminder is not, and its work turn fails (the activation is dropped).
        reminders.FailUpserts = true;
        faults.Method = nameof(IParticipantGrain.TryHold);
        await Assert.ThrowsAnyAsync<Exception>(() => request.Select(chosen.Id));
        await TestSiloHost.WaitUntilAsync(() => faults.Thrown > 0);
        reminders.FailUpserts = false;
        faults.Method = null;

        var retry = await request.Select(chosen.Id);
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);

        Assert.Equal(CommandError.None, retry.Error);
        Assert.Equal(chosen.Stages[0].Start, booked.Booking!.Stages[0].Start);
        Assert.Single(booked.History, h => h.Reason == $"Proposal {chosen.Id} selected.");
        Assert.Equal(CommandError.None, (await request.Select(chosen.Id)).Error); // the selection was carried out: a late repeat changes nothing
    }

    [Fact]
    public async Task Reschedule_ReminderRegistrationAndWorkFailOnce_RefusedRetryRestartsTheWork()
    {
        var (host, reminders, faults) = await StartAsync();
        await using var _ = host;
        var request = await BookAsync(host, reminders);
        var before = (await request.Get())!.Booking!.Stages[0].Start;

        // The reschedule is stored, its reminder is not, and its work turn fails (the activation is dropped).
        reminders.FailUpserts = true;
        faults.Method = nameof(IParticipantGrain.CancelBooking);
        await Assert.ThrowsAnyAsync<Exception>(() => request.Reschedule(new RescheduleSpec(null)));
        await TestSiloHost.WaitUntilAsync(() => faults.Thrown > 0);
        reminders.FailUpserts = false;
        faults.Method = null;

        var retry = await request.Reschedule(new RescheduleSpec(null));
        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);

        Assert.Equal(CommandError.InvalidState, retry.Error); // work is in progress: refused, as documented
        Assert.NotEqual(before, moved.Booking!.Stages[0].Start);
        Assert.Single(await host.GrainFactory.Participant("i1").ListBookings());
    }

    [Fact]
    public async Task RescheduleForCandidate_ReminderRegistrationAndWorkFailOnce_RetryAnswersAskedAndRestartsTheWork()
    {
        var (host, reminders, faults) = await StartAsync();
        await using var _ = host;
        await host.GrainFactory.GetGrain<ISchedulingSettingsGrain>(GrainTestCluster.Tenant).Set(new SchedulingSettings { CandidateRescheduling = true, CandidateRescheduleCutoffHours = 1 });
        var request = await BookAsync(host, reminders);
        var start = (await request.Get())!.Booking!.Stages[0].Start;

        // The candidate's ask is stored, its reminder is not, and its work turn fails (the activation is dropped).
        reminders.FailUpserts = true;
        faults.Method = nameof(IParticipantGrain.CancelBooking);
        await Assert.ThrowsAnyAsync<Exception>(() => request.RescheduleForCandidate(start));
        await TestSiloHost.WaitUntilAsync(() => faults.Thrown > 0);
        reminders.FailUpserts = false;
        faults.Method = null;

        var retry = await request.RescheduleForCandidate(start);
        var proposed = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Proposed);

        Assert.Equal(CandidateRescheduleState.Asked, retry.State);
        Assert.NotEmpty(proposed.Proposals);
        Assert.Empty(await host.GrainFactory.Participant("i1").ListBookings());
    }

    /// <summary>A silo with reminders in <see cref="MemoryReminderTable"/>, participant calls that can be made to throw, candidate c1 and interviewer i1.</summary>
    private static async Task<(TestSiloHost Host, MemoryReminderTable Reminders, ParticipantFaults Faults)> StartAsync()
    {
        var reminders = new MemoryReminderTable();
        var faults = new ParticipantFaults();
        var host = await TestSiloHost.StartAsync(silo =>
        {
            silo.AddSchedulerGrains();
            silo.Services.Replace(ServiceDescriptor.Singleton<IReminderTable>(reminders));
            silo.AddIncomingGrainCallFilter(context =>
            {
                if (context.Grain is IParticipantGrain && context.InterfaceMethod.Name == faults.Method)
                {
                    faults.Throw();
                }

                return context.Invoke();
            });
        });
        await host.GrainFactory.Participant("c1").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Candidate));
        await host.GrainFactory.Participant("i1").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer));
        return (host, reminders, faults);
    }

    /// <summary>Books r1 (c1 with i1, auto-book) and waits until its work is done (the process reminder is gone).</summary>
    private static async Task<IInterviewRequestGrain> BookAsync(TestSiloHost host, MemoryReminderTable reminders)
    {
        var request = host.GrainFactory.Request("r1");
        await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook), RequestStatus.Booked);
        await TestSiloHost.WaitUntilAsync(async () => await reminders.ReadRow(request.GetGrainId(), "process") is null);
        return request;
    }

    /// <summary>Makes calls of one participant method throw (a participant or its store unreachable).</summary>
    private sealed class ParticipantFaults
    {
        private int _thrown;
        private volatile string? _method;

        /// <summary>The method whose calls throw; <see langword="null"/> for none.</summary>
        public string? Method
        {
            get => _method;
            set => _method = value;
        }

        public int Thrown => Volatile.Read(ref _thrown);

        public void Throw()
        {
            Interlocked.Increment(ref _thrown);
            throw new IOException("The participant is unreachable.");
        }
    }
}
