using Scheduler.Runtime;

namespace Scheduler.Grains;

/// <summary>
/// An interviewer pool, key <c>{tenant}/{poolId}</c>: its members and selection strategy, and
/// first-to-accept offers of slots to its members.
/// </summary>
public interface IInterviewerPoolGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the pool.</summary>
    /// <param name="definition">Members and strategy.</param>
    /// <returns>The stored pool.</returns>
    /// <exception cref="ArgumentException">No members, an empty id or a duplicate (<c>members</c>). Nothing is stored.</exception>
    Task<PoolView> Upsert(PoolDefinition definition);

    /// <summary>Returns the pool.</summary>
    /// <returns>The pool, or <see langword="null"/> when it does not exist.</returns>
    Task<PoolView?> Get();

    /// <summary>
    /// Returns the members in the order the strategy prefers for the next selection: for
    /// round robin, starting after the member picked last; for least loaded, as stored (the
    /// engine ranks them by trailing bookings).
    /// </summary>
    /// <returns>The members; empty when the pool does not exist.</returns>
    Task<IReadOnlyList<string>> GetMembersForSelection();

    /// <summary>Records which members were picked for a booked interview (advances round robin).</summary>
    /// <param name="memberIds">The picked members.</param>
    /// <returns>A task that completes when stored.</returns>
    Task RecordPicked(IReadOnlyList<string> memberIds);

    /// <summary>Offers a slot to every eligible member at once. Idempotent on the offer id.</summary>
    /// <param name="offer">The offer.</param>
    /// <returns>The offer as stored.</returns>
    /// <exception cref="ArgumentException">No eligible members, or one is not a member (<c>eligibleMembers</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool does not exist.</exception>
    Task<OfferView> Offer(OfferSpec offer);

    /// <summary>A member accepts an offer: the first acceptance wins and the offer is withdrawn from the others; later acceptances are refused.</summary>
    /// <param name="offerId">The offer id.</param>
    /// <param name="memberId">The accepting member.</param>
    /// <returns>Whether this member won, and the offer.</returns>
    Task<AcceptOutcome> Accept(string offerId, string memberId);

    /// <summary>Returns an offer.</summary>
    /// <param name="offerId">The offer id.</param>
    /// <returns>The offer, or <see langword="null"/>.</returns>
    Task<OfferView?> GetOffer(string offerId);
}
