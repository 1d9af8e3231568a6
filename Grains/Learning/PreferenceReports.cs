using Scheduler.Grains.Requests;
using Scheduler.Grains.Settings;

namespace Scheduler.Grains.Learning;

/// <summary>
/// What a request tells its participants about their times (docs/SCHEDULING.md, "Learned preferences"): the reports
/// of one event, queued in the request's state with the transition, and their delivery in the request's work turn.
/// </summary>
internal static partial class PreferenceReports
{
    /// <summary>The candidate's selection: the chosen proposal's start, the other proposals shown passed over.</summary>
    /// <param name="eventId">Unique per request and event (see <see cref="PreferenceObservation.Id"/>).</param>
    /// <param name="candidateId">The candidate.</param>
    /// <param name="chosen">The selected proposal.</param>
    /// <param name="shown">Every proposal the candidate was shown (the chosen one included).</param>
    /// <param name="at">When the selection was made (UTC).</param>
    /// <returns>The candidate's report.</returns>
    public static PreferenceReport Selected(string eventId, string candidateId, ProposalView chosen, IEnumerable<ProposalView> shown, DateTimeOffset at) =>
        new(candidateId, new PreferenceObservation(eventId, PreferenceOutcome.Selected, at, chosen.Stages[0].Start)
        {
            PassedOver = [.. shown.Where(p => p.Id != chosen.Id).Select(p => p.Stages[0].Start)],
        });

    /// <summary>
    /// An outcome of a booked interview, for each attendee (or only <paramref name="only"/>), at the start of the first
    /// stage they attend.
    /// </summary>
    /// <param name="eventId">Unique per request and event.</param>
    /// <param name="outcome">Held, rescheduled or cancelled.</param>
    /// <param name="candidateId">The candidate, who attends every stage.</param>
    /// <param name="stages">The booked stages.</param>
    /// <param name="at">When it happened (UTC).</param>
    /// <param name="includeCandidate">Whether the candidate gets a report.</param>
    /// <param name="only">When set, the one attendee the outcome concerns (a reschedule forced by their calendar).</param>
    /// <returns>One report per attendee concerned.</returns>
    public static IEnumerable<PreferenceReport> Booking(
        string eventId, PreferenceOutcome outcome, string candidateId, IReadOnlyList<ScheduledStageView> stages, DateTimeOffset at, bool includeCandidate, string? only)
    {
        var firstStarts = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (includeCandidate)
        {
            firstStarts[candidateId] = stages[0].Start;
        }

        foreach (var stage in stages)
        {
            foreach (var id in stage.InterviewerIds)
            {
                firstStarts.TryAdd(id, stage.Start);
            }
        }

        return firstStarts
            .Where(p => only is null || p.Key == only)
            .Select(p => new PreferenceReport(p.Key, new PreferenceObservation(eventId, outcome, at, p.Value)));
    }

    /// <summary>
    /// Delivers the pending reports when the tenant learns preferences (and drops them when it does not), all in
    /// parallel; each participant counts an observation id once, so a delivery repeated after a crash is harmless. A
    /// report a participant refuses as invalid is dropped; any other failure leaves every report pending for the next turn.
    /// </summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="pending">The request's pending reports; emptied on success.</param>
    /// <param name="log">The request grain's logger.</param>
    /// <returns>Whether anything was pending (the caller then writes its state).</returns>
    public static async Task<bool> FlushAsync(IGrainFactory grains, string tenant, List<PreferenceReport> pending, ILogger log)
    {
        if (pending.Count == 0)
        {
            return false;
        }

        var settings = await grains.GetGrain<ISchedulingSettingsGrain>(tenant).Get();
        if (settings.PreferenceLearning)
        {
            await Task.WhenAll(pending.Select(report => DeliverAsync(grains, tenant, report, settings.LearningHalfLifeDays, log)));
        }

        pending.Clear();
        return true;
    }

    private static async Task DeliverAsync(IGrainFactory grains, string tenant, PreferenceReport report, int halfLifeDays, ILogger log)
    {
        try
        {
            await grains.GetGrain<IParticipantGrain>(GrainKeys.For(tenant, report.ParticipantId)).RecordPreference(report.Observation, halfLifeDays);
        }
        catch (ArgumentException exception)
        {
            ReportRefused(log, exception, report.Observation.Id, report.ParticipantId);
        }
    }

    [LoggerMessage(EventId = 2020, Level = LogLevel.Warning, Message = "Preference observation {ObservationId} was refused by participant {ParticipantId} and dropped.")]
    private static partial void ReportRefused(ILogger log, Exception exception, string observationId, string participantId);
}
