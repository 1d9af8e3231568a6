using Scheduler.Grains.Links;
using Scheduler.Grains.Settings;
using Scheduler.Grains.Tests.Notifications;
using Scheduler.ICalendar;

namespace Scheduler.Grains.Tests.Links;

/// <summary>
/// A candidate asks for another time through the link in their booking email: the tenant's policy decides, the booking is
/// released, the attendees' invites are withdrawn and new times are proposed to the candidate even for an auto-booked request.
/// </summary>
public sealed class CandidateRescheduleTests
{
    private const string LinkLabel = "Ask for another time: ";

    [Fact]
    public async Task BookingEmail_TenantAllowsIt_CandidateAsksForAnotherTime_InvitesWithdrawnAndNewTimesProposedToThem()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port, overrides: new Dictionary<string, string?> { ["Links:BaseUrl"] = "https://scheduler.example/" });
        await host.Grains.GetGrain<ISchedulingSettingsGrain>(GrainTestCluster.Tenant).Set(new SchedulingSettings { CandidateRescheduling = true });
        var request = await host.SubmitAutoBookAsync("req-move", "UTC");
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);
        var start = booked.Booking!.Stages[0].Start;
        var mails = await smtp.WaitForMessagesAsync(2);

        var interviewerMail = mails.Single(m => m.RcptTos.SequenceEqual([NotificationSamples.InterviewerMail])).Part("text/plain").Content;
        Assert.DoesNotContain(LinkLabel, interviewerMail, StringComparison.Ordinal);
        var token = TokenAfter(LinkLabel, mails.Single(m => m.RcptTos.SequenceEqual([NotificationSamples.CandidateMail])).Part("text/plain").Content);
        var link = host.Host.Services.GetRequiredService<ActionLinks>().Read(token)!;
        Assert.Equal((ActionLinkKind.RescheduleBooking, "req-move", "cand-1", start), (link.Kind, link.Target, link.Person, link.ExpiresAt));
        var page = host.Grains.GetGrain<IActionLinkGrain>(0);
        var open = await page.Read(token);
        Assert.Equal((ActionLinkState.Open, start, "Europe/Berlin"), (open.State, open.Slot?.Start, open.TimeZone));

        var acted = await page.Act(token);

        Assert.Equal(ActionLinkState.Done, acted.State);
        var proposed = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Proposed);
        Assert.Null(proposed.Booking);
        Assert.NotEmpty(proposed.Proposals);
        Assert.DoesNotContain(proposed.Proposals, p => p.Stages[0].Start == start);
        Assert.Contains(proposed.History, h => h.Status == RequestStatus.Rescheduling && h.Reason == "The candidate asked for another time.");
        mails = await smtp.WaitForMessagesAsync(5);
        foreach (var address in new[] { NotificationSamples.CandidateMail, NotificationSamples.InterviewerMail })
        {
            var cancel = mails.Single(m => m.RcptTos.SequenceEqual([address]) && m.Subject.StartsWith("Cancelled:", StringComparison.Ordinal));
            var calendar = VCalendar.Parse(cancel.Part("text/calendar").Content);
            Assert.Equal(("CANCEL", 1), (calendar.Method, calendar.Events.Single().Sequence));
        }

        var choose = mails.Single(m => m.Subject.StartsWith("Choose a time:", StringComparison.Ordinal));
        Assert.Equal([NotificationSamples.CandidateMail], choose.RcptTos);
        Assert.Contains("Book this time: https://scheduler.example/act/", choose.Part("text/plain").Content, StringComparison.Ordinal);

        // The same link again (a second press, another tab): nothing more is released.
        Assert.Equal(ActionLinkState.Done, (await page.Act(token)).State);
        Assert.Equal(ActionLinkState.Done, (await page.Read(token)).State);
        Assert.Equal(RequestStatus.Proposed, (await request.Get())!.Status);

        var chosen = proposed.Proposals[0];
        Assert.Equal(CommandError.None, (await request.Select(chosen.Id)).Error);
        await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);
        mails = await smtp.WaitForMessagesAsync(7);
        var rebooked = mails.Where(m => m.RcptTos.SequenceEqual([NotificationSamples.CandidateMail]) && m.Subject.StartsWith("Booked:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rebooked.Count);
        Assert.Equal(2, VCalendar.Parse(rebooked[1].Part("text/calendar").Content).Events.Single().Sequence);
        var second = host.Host.Services.GetRequiredService<ActionLinks>().Read(TokenAfter(LinkLabel, rebooked[1].Part("text/plain").Content))!;
        Assert.Equal(ActionLink.BookedStartText(chosen.Stages[0].Start), second.Item);
    }

    [Fact]
    public async Task CandidateReschedule_OffTooLateOrAtTheLimit_RefusedAndTheBookingStands()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var settings = host.Grains.GetGrain<ISchedulingSettingsGrain>(GrainTestCluster.Tenant);
        var request = await host.SubmitAutoBookAsync("req-stay", "UTC");
        var start = (await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked)).Booking!.Stages[0].Start;

        var off = await request.RescheduleForCandidate(start);
        Assert.Equal(CandidateRescheduleState.Refused, off.State);
        Assert.Contains("contact your recruiter", off.Message, StringComparison.Ordinal);
        var candidateMail = (await smtp.WaitForMessagesAsync(2)).Single(m => m.RcptTos.SequenceEqual([NotificationSamples.CandidateMail]));
        Assert.DoesNotContain(LinkLabel, candidateMail.Part("text/plain").Content, StringComparison.Ordinal);

        await settings.Set(new SchedulingSettings { CandidateRescheduling = true, MaxCandidateReschedules = 1 });
        Assert.Equal(CandidateRescheduleState.Allowed, (await request.GetCandidateReschedule(start)).State);
        Assert.Equal(CandidateRescheduleState.Refused, (await request.RescheduleForCandidate(start.AddHours(1))).State);
        Assert.Equal(CandidateRescheduleState.Asked, (await request.RescheduleForCandidate(start)).State);
        var proposed = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Proposed);
        Assert.Equal(CommandError.None, (await request.Select(proposed.Proposals[0].Id)).Error);
        var newStart = (await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked)).Booking!.Stages[0].Start;

        var limit = await request.RescheduleForCandidate(newStart);
        Assert.Equal(CandidateRescheduleState.Refused, limit.State);
        Assert.Contains("as often as this interview allows", limit.Message, StringComparison.Ordinal);

        await settings.Set(new SchedulingSettings { CandidateRescheduling = true, CandidateRescheduleCutoffHours = 24 });
        Assert.Equal(CandidateRescheduleState.Allowed, (await request.GetCandidateReschedule(newStart)).State);
        host.Time.Advance(newStart.AddHours(-24).AddMinutes(1) - host.Time.GetUtcNow());
        var late = await request.RescheduleForCandidate(newStart);
        Assert.Equal(CandidateRescheduleState.Refused, late.State);
        Assert.Contains("within 24 hours", late.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Booked, (await request.Get())!.Status);
        Assert.Equal(CandidateRescheduleState.Asked, (await request.GetCandidateReschedule(start)).State);
    }

    [Fact]
    public async Task CandidateReschedule_TheChosenTimeIsTakenFirst_NewTimesProposedToTheCandidateNotBooked()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        await host.Grains.GetGrain<ISchedulingSettingsGrain>(GrainTestCluster.Tenant).Set(new SchedulingSettings { CandidateRescheduling = true });
        var request = await host.SubmitAutoBookAsync("req-taken", "UTC");
        var start = (await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked)).Booking!.Stages[0].Start;
        Assert.Equal(CandidateRescheduleState.Asked, (await request.RescheduleForCandidate(start)).State);
        var proposed = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Proposed);
        var chosen = proposed.Proposals[0].Stages[0];

        // Another request books the interviewer at the chosen time between the proposals and the candidate's choice.
        var other = new HoldRequest(GrainTestCluster.RequestKey("req-other"), [new TimeRange(chosen.Start, chosen.End)], TimeSpan.FromMinutes(2), true);
        Assert.True((await host.Grains.Participant("int-1").ConfirmHold(other)).Granted);
        Assert.Equal(CommandError.None, (await request.Select(proposed.Proposals[0].Id)).Error);

        var again = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Proposed && v.History.Count > proposed.History.Count);
        Assert.Null(again.Booking);
        Assert.NotEmpty(again.Proposals);
        Assert.DoesNotContain(again.Proposals, p => p.Stages[0].Start == chosen.Start);
        Assert.Equal("The selected option was taken; new proposals are ready.", again.History[^1].Reason);
        Assert.DoesNotContain(again.History.Skip(proposed.History.Count), h => h.Status == RequestStatus.Booked);

        // The candidate's next choice is booked as usual.
        Assert.Equal(CommandError.None, (await request.Select(again.Proposals[0].Id)).Error);
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);
        Assert.Equal(again.Proposals[0].Stages[0].Start, booked.Booking!.Stages[0].Start);
    }

    [Fact]
    public async Task CandidateReschedule_TheChosenTimeHasAFirstToAcceptSeat_BookedWithTheProposedMemberWithoutAnOffer()
    {
        await using var host = await GrainTestCluster.StartAsync();
        var grains = host.Grains;
        foreach (var id in new[] { "c1", "i1", "m1", "m2" })
        {
            await grains.Participant(id).UpsertProfile(GrainTestCluster.Profile(id == "c1" ? ParticipantKind.Candidate : ParticipantKind.Interviewer));
        }

        await grains.Pool("backend").Upsert(new PoolDefinition(["m1", "m2"], PoolStrategy.LeastLoaded));
        await grains.GetGrain<ISchedulingSettingsGrain>(GrainTestCluster.Tenant).Set(new SchedulingSettings { CandidateRescheduling = true, CandidateRescheduleCutoffHours = 1 });
        var window = new TimeRange(GrainTestCluster.Start.AddDays(1).AddHours(-9), GrainTestCluster.Start.AddDays(5).AddHours(-9));
        var spec = new InterviewRequestSpec("c1", [new StageSpec("screen", 60, ["i1"]) { Pools = [new PoolSlotSpec("backend", 1)] }], window) { Mode = SchedulingMode.AutoBook };
        var request = grains.Request("r1");
        var booked = await GrainTestCluster.SubmitAndWaitAsync(request, spec, RequestStatus.Booked);
        await grains.Pool("backend").Upsert(new PoolDefinition(["m1", "m2"], PoolStrategy.FirstToAccept));

        Assert.Equal(CandidateRescheduleState.Asked, (await request.RescheduleForCandidate(booked.Booking!.Stages[0].Start)).State);
        var proposed = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Proposed);
        var chosen = proposed.Proposals[0].Stages[0];
        Assert.Equal(CommandError.None, (await request.Select(proposed.Proposals[0].Id)).Error);

        var rebooked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.History.Count > proposed.History.Count);
        Assert.Equal((chosen.Start, chosen.InterviewerIds), (rebooked.Booking!.Stages[0].Start, rebooked.Booking.Stages[0].InterviewerIds));
        Assert.DoesNotContain(rebooked.History.Skip(proposed.History.Count), h => h.Status == RequestStatus.Offered);
    }

    [Fact]
    public async Task SchedulingSettings_OutOfRange_RefusedNamingTheField()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        var settings = cluster.Grains.GetGrain<ISchedulingSettingsGrain>(GrainTestCluster.Tenant);

        var cutoff = await Assert.ThrowsAsync<ArgumentException>(() => settings.Set(new SchedulingSettings { CandidateRescheduleCutoffHours = 337 }));
        var limit = await Assert.ThrowsAsync<ArgumentException>(() => settings.Set(new SchedulingSettings { MaxCandidateReschedules = 0 }));

        Assert.Equal(("candidateRescheduleCutoffHours", "maxCandidateReschedules"), (cutoff.ParamName, limit.ParamName));
        Assert.Null((await settings.Get()).UpdatedAt);
    }

    private static string TokenAfter(string label, string text)
    {
        var line = text.Split("\r\n").Single(l => l.TrimStart().StartsWith(label, StringComparison.Ordinal)).Trim();
        return line[(line.LastIndexOf('/') + 1)..];
    }
}
