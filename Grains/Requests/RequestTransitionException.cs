namespace Scheduler.Grains.Requests;

/// <summary>A move <see cref="RequestTransitions"/> does not allow: a defect of the grain, never a caller's mistake (commands check first and refuse).</summary>
public sealed class RequestTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="from">The status the request was in; <see langword="null"/> before it was submitted.</param>
    /// <param name="trigger">The trigger that does not apply there.</param>
    public RequestTransitionException(RequestStatus? from, RequestTrigger trigger)
        : base($"{trigger} is not allowed in status {from?.ToString() ?? "(not submitted)"}.")
    {
        From = from;
        Trigger = trigger;
    }

    /// <summary>The status the request was in; <see langword="null"/> before it was submitted.</summary>
    public RequestStatus? From { get; }

    /// <summary>The trigger that does not apply in <see cref="From"/>.</summary>
    public RequestTrigger Trigger { get; }
}
