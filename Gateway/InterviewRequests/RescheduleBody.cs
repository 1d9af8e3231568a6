namespace Scheduler.Gateway.InterviewRequests;

/// <summary>The optional body of <c>POST /v1/interview-requests/{id}/reschedule</c>.</summary>
public sealed record RescheduleBody
{
    /// <summary>A new search window (end after start, at most 90 days, ending in the future); absent keeps the current one.</summary>
    public TimeRangeBody? Window { get; init; }

    /// <summary>Checks a body by the route's rules and maps it to the request grain's spec.</summary>
    /// <param name="body">The body; <see langword="null"/> keeps the window.</param>
    /// <param name="now">The current time (a new window must end after it).</param>
    /// <param name="errors">Where errors go, by field path (<c>window.start</c>, <c>window.end</c>).</param>
    /// <returns>The spec (the window in UTC), or <see langword="null"/> when <paramref name="errors"/> got an error.</returns>
    public static RescheduleSpec? ToSpec(RescheduleBody? body, DateTimeOffset now, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (body?.Window is not { } requested)
        {
            return new RescheduleSpec(null);
        }

        return requested.CheckSearchWindow(errors, "window", now) ? new RescheduleSpec(requested.ToRange()) : null;
    }
}
