namespace Scheduler.Grains.Links;

/// <summary>
/// Reads and follows action links: the signed links in emails that let a candidate book a proposed time or ask for
/// another time, or a pool member accept an offer, without signing in. The token names its tenant, target, item and person and is protected
/// by the cluster's Data Protection keys, so an altered or expired token is <see cref="ActionLinkState.Invalid"/>.
/// A stateless worker (key 0): any silo answers.
/// </summary>
[Alias("Scheduler.Grains.Links.IActionLinkGrain")]
public interface IActionLinkGrain : IGrainWithIntegerKey
{
    /// <summary>What the link would do and whether it still can; changes nothing (a mail scanner may fetch links).</summary>
    /// <param name="token">The token from the link's path; any text (bad tokens are answered as invalid, not thrown).</param>
    /// <returns>The view.</returns>
    [Alias("Read")]
    Task<ActionLinkView> Read(string token);

    /// <summary>
    /// Takes the action: selects the proposal, releases the booking for new times, or accepts the offer for the member. Following a link again after it
    /// worked answers <see cref="ActionLinkState.Done"/>; one whose time is gone answers <see cref="ActionLinkState.Closed"/>.
    /// </summary>
    /// <param name="token">The token from the link's path.</param>
    /// <returns>The view after the action.</returns>
    [Alias("Act")]
    Task<ActionLinkView> Act(string token);
}
