namespace Scheduler.Grains.Requests;

/// <summary>Constants of the negotiation (see docs/WORKFLOW.md).</summary>
internal static class RequestSettings
{
    /// <summary>How long a hold lives unless confirmed.</summary>
    public static readonly TimeSpan HoldTtl = TimeSpan.FromMinutes(2);

    /// <summary>The period of the durable reminder that resumes unfinished work; longer than <see cref="HoldTtl"/> so a resumed booking never races its own stale holds.</summary>
    public static readonly TimeSpan ResumePeriod = TimeSpan.FromMinutes(3);

    /// <summary>Fresh fan-outs tried before giving up with <c>takenByOtherRequests</c>.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Options tried per fan-out in auto-book mode.</summary>
    public const int OptionsPerAttempt = 10;

    /// <summary>How long a batch request waits for its planner's hint before negotiating on its own.</summary>
    public static readonly TimeSpan PlanWait = TimeSpan.FromSeconds(10);

    /// <summary>How long a first-to-accept offer stays open when the request does not say (<see cref="InterviewRequestSpec.PoolOfferMinutes"/>).</summary>
    public static readonly TimeSpan OfferTtl = TimeSpan.FromHours(4);

    /// <summary>An offer closes at the latest this long before the interview starts, so the booking and invitations still reach people in time.</summary>
    public static readonly TimeSpan OfferLeadTime = TimeSpan.FromMinutes(30);

    /// <summary>The shortest offer worth sending; when less time is left before <see cref="OfferLeadTime"/>, the engine's pick is booked at once.</summary>
    public static readonly TimeSpan MinOfferTime = TimeSpan.FromMinutes(10);

    /// <summary>The lifetime of the holds kept while an offer is open; renewed on every <see cref="ResumePeriod"/> tick, so it is longer than that period.</summary>
    public static readonly TimeSpan OfferHoldTtl = TimeSpan.FromMinutes(10);

    public const string ProcessReminder = "process";

    /// <summary>
    /// How long a booked or rescheduled notice waits for the video meeting links its stages' hosts' calendars make
    /// (<see cref="ConferenceHosts"/>) before it goes without them; the work turn that sends it runs at the latest on the
    /// next <see cref="ProcessReminder"/> tick after that.
    /// </summary>
    public static readonly TimeSpan ConferenceLinkWait = TimeSpan.FromMinutes(2);

    /// <summary>The one-shot durable reminder at an offer's expiry.</summary>
    public const string OfferExpiryReminder = "offer-expiry";

    public const string CompleteReminder = "complete";
}
