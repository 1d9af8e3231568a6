using System.Globalization;
using System.Text.Json.Serialization;

namespace Scheduler.Grains.Links;

/// <summary>
/// What an action link names, carried inside its protected token.
/// </summary>
/// <param name="Kind">What following it does.</param>
/// <param name="Tenant">The tenant of every key below.</param>
/// <param name="Target">The request id (<see cref="ActionLinkKind.ChooseProposal"/>, <see cref="ActionLinkKind.RescheduleBooking"/>) or the pool id (<see cref="ActionLinkKind.AcceptPoolOffer"/>).</param>
/// <param name="Item">The proposal id; the offer id; or the booking's first stage start (UTC, round-trip <c>O</c> format, <see cref="BookedStartText"/>).</param>
/// <param name="Person">The participant it was made for: the candidate, or the pool member.</param>
/// <param name="ExpiresAt">After this instant (UTC) the link is invalid.</param>
public sealed record ActionLink(ActionLinkKind Kind, string Tenant, string Target, string Item, string Person, DateTimeOffset ExpiresAt)
{
    /// <summary>The grain key of the target, <c>{tenant}/{target}</c> (not part of the token).</summary>
    /// <exception cref="ArgumentException">The tenant is empty or contains <c>/</c>, or the target is empty.</exception>
    [JsonIgnore]
    public string TargetKey => GrainKeys.For(Tenant, Target);

    /// <summary>How a booking's first stage start is written as <see cref="Item"/>: UTC, round-trip format.</summary>
    /// <param name="start">The start.</param>
    /// <returns>The text, e.g. <c>2026-03-10T14:00:00.0000000+00:00</c>.</returns>
    public static string BookedStartText(DateTimeOffset start) => start.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Reads <see cref="Item"/> as a booking's start (<see cref="BookedStartText"/>).</summary>
    /// <param name="start">The start, when the item is one.</param>
    /// <returns>Whether it is.</returns>
    public bool TryBookedStart(out DateTimeOffset start) =>
        DateTimeOffset.TryParseExact(Item, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out start);
}
