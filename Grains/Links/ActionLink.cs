using System.Text.Json.Serialization;

namespace Scheduler.Grains.Links;

/// <summary>
/// What an action link names, carried inside its protected token.
/// </summary>
/// <param name="Kind">What following it does.</param>
/// <param name="Tenant">The tenant of every key below.</param>
/// <param name="Target">The request id (<see cref="ActionLinkKind.ChooseProposal"/>) or the pool id (<see cref="ActionLinkKind.AcceptPoolOffer"/>).</param>
/// <param name="Item">The proposal id, or the offer id.</param>
/// <param name="Person">The participant it was made for: the candidate, or the pool member.</param>
/// <param name="ExpiresAt">After this instant (UTC) the link is invalid.</param>
public sealed record ActionLink(ActionLinkKind Kind, string Tenant, string Target, string Item, string Person, DateTimeOffset ExpiresAt)
{
    /// <summary>The grain key of the target, <c>{tenant}/{target}</c> (not part of the token).</summary>
    /// <exception cref="ArgumentException">The tenant is empty or contains <c>/</c>, or the target is empty.</exception>
    [JsonIgnore]
    public string TargetKey => GrainKeys.For(Tenant, Target);
}
