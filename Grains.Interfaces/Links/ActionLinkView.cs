namespace Scheduler.Grains.Links;

/// <summary>What the page of an action link shows: the action, where it stands, and the time it is about.</summary>
/// <param name="Kind">What the link does; <see langword="null"/> for an <see cref="ActionLinkState.Invalid"/> link.</param>
/// <param name="State">Where the action stands.</param>
/// <param name="Message">One sentence for the person, plain text (why a link is closed, or what happens next).</param>
/// <param name="Title">The interview, e.g. "Interview: Ada Lovelace – technical"; <see langword="null"/> when invalid.</param>
/// <param name="Slot">The time the action is about, start and end (UTC): the proposal or offered seat while open, the booking once booked; <see langword="null"/> when there is none to show (invalid, closed, or still being booked).</param>
/// <param name="TimeZone">The IANA zone of the person the link was made for, to show <paramref name="Slot"/> in; <c>UTC</c> when unknown.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.Links.ActionLinkView")]
public sealed record ActionLinkView(
    [property: Id(0)] ActionLinkKind? Kind,
    [property: Id(1)] ActionLinkState State,
    [property: Id(2)] string Message,
    [property: Id(3)] string? Title = null,
    [property: Id(4)] TimeRange? Slot = null,
    [property: Id(5)] string TimeZone = "UTC");
