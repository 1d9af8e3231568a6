namespace Scheduler.Grains.Prep;

/// <summary>The request's booking changed: it moved, or it is gone.</summary>
/// <param name="Interview">The interview as booked now, or <see langword="null"/> when the request has no booking (cancelled, no longer available, or waiting for a new selection).</param>
/// <param name="RequestSettings">The request's own <c>prep</c> settings, or <see langword="null"/>: used when no plan was asked for yet.</param>
/// <param name="Reason">Without a booking: why (shown to the candidate when emailed blocks are withdrawn); otherwise <see langword="null"/>.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.Prep.PrepInterviewChange")]
public sealed record PrepInterviewChange([property: Id(0)] PrepInterview? Interview, [property: Id(1)] PrepSpec? RequestSettings, [property: Id(2)] string? Reason = null);
