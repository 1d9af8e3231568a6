namespace Scheduler.Grains.Pools;

/// <summary>The answer to <see cref="IInterviewerPoolGrain.Accept"/>.</summary>
/// <param name="Accepted">Whether this member won the offer (repeating a winning acceptance is accepted again).</param>
/// <param name="Message">Why not, when refused; <see langword="null"/> when accepted.</param>
/// <param name="Offer">The offer after the call; <see langword="null"/> when it does not exist.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.AcceptOutcome")]
public sealed record AcceptOutcome([property: Id(0)] bool Accepted, [property: Id(1)] string? Message, [property: Id(2)] OfferView? Offer);
