using System.Globalization;
using Scheduler.Grains.Settings;

namespace Scheduler.Grains.Requests;

/// <summary>
/// A candidate asking for another time through the link in their booking email: the tenant's policy
/// (<see cref="SchedulingSettings.CandidateRescheduling"/>, the cut-off before the start, the limit per request) is
/// decided here, by the request, for the page that shows the link and for the press that acts on it.
/// </summary>
public sealed partial class InterviewRequestGrain
{
    /// <summary>The history note of a candidate's reschedule.</summary>
    internal const string CandidateAskedNote = "The candidate asked for another time.";

    /// <inheritdoc />
    public Task<CandidateRescheduleAnswer> GetCandidateReschedule(DateTimeOffset bookedStart) => CheckCandidateRescheduleAsync(bookedStart);

    /// <inheritdoc />
    public async Task<CandidateRescheduleAnswer> RescheduleForCandidate(DateTimeOffset bookedStart)
    {
        var answer = await CheckCandidateRescheduleAsync(bookedStart);
        if (answer.State == CandidateRescheduleState.Asked)
        {
            // Asked before (the candidate's retry): the first ask may have been stored and then failed to register its reminder.
            await RestartWorkAsync();
        }

        if (answer.State != CandidateRescheduleState.Allowed)
        {
            return answer;
        }

        S.CandidateReleased.Add(bookedStart);
        await RescheduleAsync(RequestTrigger.RescheduleRequested, null, CandidateAskedNote, S.Spec!.CandidateId, RequestPhase.CandidateChoice);
        return Asked;
    }

    private static CandidateRescheduleAnswer Asked { get; } =
        new(CandidateRescheduleState.Asked, "This time was released at your request. New times to choose from are sent to you by email.");

    private async Task<CandidateRescheduleAnswer> CheckCandidateRescheduleAsync(DateTimeOffset bookedStart)
    {
        static CandidateRescheduleAnswer Refused(string message) => new(CandidateRescheduleState.Refused, message);

        if (S.Spec is null)
        {
            return Refused("This interview no longer exists.");
        }

        // A booking at this start is live even when the candidate released an earlier one at the same start.
        var live = S.Status == RequestStatus.Booked && S.Booking is { } booking && booking.Stages[0].Start == bookedStart;
        if (!live && S.CandidateReleased.Contains(bookedStart))
        {
            return Asked;
        }

        if (S.Status == RequestStatus.Cancelled)
        {
            return Refused("This interview was cancelled.");
        }

        if (!live)
        {
            return Refused("This interview has changed since this message was sent. The newest message you were sent says where it stands.");
        }

        var settings = await GrainFactory.GetGrain<ISchedulingSettingsGrain>(Tenant).Get();
        if (!settings.CandidateRescheduling)
        {
            return Refused("The time cannot be changed from this page. Please contact your recruiter.");
        }

        if (_time.GetUtcNow() > bookedStart.AddHours(-settings.CandidateRescheduleCutoffHours))
        {
            return Refused(string.Create(CultureInfo.InvariantCulture, $"The interview starts within {settings.CandidateRescheduleCutoffHours} hours, so it can no longer be changed from this page. Please contact your recruiter."));
        }

        if (S.CandidateReleased.Count >= settings.MaxCandidateReschedules)
        {
            return Refused("You have already asked for another time as often as this interview allows. Please contact your recruiter.");
        }

        return new(CandidateRescheduleState.Allowed, "Cannot make this time? Ask for another one: this time is released, and new times to choose from are sent to you by email.");
    }
}
