namespace Scheduler.Grains;

/// <summary>The answer to <see cref="IInterviewerPoolGrain.Accept"/>.</summary>
/// <param name="Accepted">Whether this member won the offer (repeating a winning acceptance is accepted again).</param>
/// <param name="Message">Why not, when refused; <see langword="null"/> when accepted.</param>
/// <param name="Offer">The offer after the call; <see langword="null"/> when it does not exist.</param>
public sealed record AcceptOutcome(bool Accepted, string? Message, OfferView? Offer);
