using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Scheduler.Gateway.Web.Calendar;

namespace Scheduler.Gateway.Web.Requests;

/// <summary>
/// Reads a request's timeline: the booked stages (or the first proposal's) and, beside them, the busy time of the
/// candidate and every interviewer through <see cref="BusyTimeReader"/>, the reader of the week calendar. Busy time is
/// what <c>GET /v1/participants/{id}/busy</c> shows, so the viewer is judged by that route's policy
/// (<see cref="SchedulerPolicies.Recruiter"/>).
/// </summary>
/// <param name="factory">The grain factory.</param>
/// <param name="authorization">The authorization service with the API's policies.</param>
public sealed class RequestTimelineReader(IGrainFactory factory, IAuthorizationService authorization)
{
    /// <summary>Hours shown before the first stage and after the last.</summary>
    public const int MarginHours = 3;

    /// <summary>Reads the timeline.</summary>
    /// <param name="viewer">The signed-in person.</param>
    /// <param name="request">The request as the page has it.</param>
    /// <returns>The timeline; <see langword="null"/> when the viewer may not read busy time or the request has no stages placed yet.</returns>
    public async Task<TimelineData?> ReadAsync(ClaimsPrincipal viewer, InterviewRequestView request)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(request);
        var (stages, caption) = request.Booking is { Stages.Count: > 0 } booking
            ? (booking.Stages, "The booked interview")
            : request.Proposals is [var first, ..] ? (first.Stages, $"Proposal {first.Id}") : ([], string.Empty);
        if (stages.Count == 0 || !(await authorization.AuthorizeAsync(viewer, SchedulerPolicies.Recruiter)).Succeeded)
        {
            return null;
        }

        var start = Hour(stages.Min(s => s.Start)).AddHours(-MarginHours);
        var end = Hour(stages.Max(s => s.End)).AddHours(MarginHours + 1);
        var range = new TimeRange(start, end);
        var grains = new TenantGrains(factory, viewer.GetTenant());
        var people = stages.SelectMany(s => s.InterviewerIds).Prepend(request.CandidateId).Distinct(StringComparer.Ordinal).ToList();
        var busy = await Task.WhenAll(people.Select(p => BusyTimeReader.ReadAsync(grains, p, range)));
        return new TimelineData(
            range,
            caption,
            [.. stages.Select(s => new CalendarEntry(s.Start, s.End, CalendarEntryKind.Stage, s.Name, request.Id))],
            [.. people.Select((p, i) => (p, busy[i]))]);
    }

    private static DateTimeOffset Hour(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
