using Scheduler.Grains.Learning;

namespace Scheduler.Grains.Requests;

/// <summary>
/// Learning from outcomes: each event that says something about the attendees' times (selection, interview held,
/// reschedule, cancellation) queues reports in the same write as its transition (<see cref="RequestState.PreferencesToReport"/>);
/// the work turn delivers them (<see cref="PreferenceReports.FlushAsync"/>).
/// </summary>
public sealed partial class InterviewRequestGrain
{
    /// <summary>The id of the event about to be moved: the index of the history entry its move adds, unique per request.</summary>
    private string NextEventId => $"{this.GetPrimaryKeyString()}#{S.History.Count}";

    /// <summary>Queues the candidate's selection of <paramref name="proposal"/>; call before the move.</summary>
    private void ReportSelection(ProposalView proposal) =>
        S.PreferencesToReport.Add(PreferenceReports.Selected(NextEventId, S.Spec!.CandidateId, proposal, S.Proposals, _time.GetUtcNow()));

    /// <summary>
    /// Queues an outcome of the current booking, if any; call before the move. A held interview is not counted for a
    /// candidate who selected it (propose mode): their selection was counted already.
    /// </summary>
    private void ReportBooking(PreferenceOutcome outcome, string? only = null)
    {
        if (S.Booking is { } booking)
        {
            var includeCandidate = outcome != PreferenceOutcome.Held || S.Spec!.Mode == SchedulingMode.AutoBook;
            S.PreferencesToReport.AddRange(PreferenceReports.Booking(NextEventId, outcome, S.Spec!.CandidateId, booking.Stages, _time.GetUtcNow(), includeCandidate, only));
        }
    }

    private async Task FlushPreferenceReportsAsync()
    {
        if (await PreferenceReports.FlushAsync(GrainFactory, Tenant, S.PreferencesToReport, _log))
        {
            await _store.SaveWorkAsync();
        }
    }
}
