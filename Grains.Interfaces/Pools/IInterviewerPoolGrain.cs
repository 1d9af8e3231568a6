using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Pools;

/// <summary>
/// An interviewer pool, key <c>{tenant}/{poolId}</c>: its members and selection strategy, and
/// first-to-accept offers of slots to its members.
/// </summary>
[Alias("Scheduler.Grains.IInterviewerPoolGrain")]
public interface IInterviewerPoolGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the pool.</summary>
    /// <param name="definition">Members and strategy.</param>
    /// <returns>The stored pool.</returns>
    /// <exception cref="ArgumentException">No members, an empty id or a duplicate (<c>members</c>). Nothing is stored.</exception>
    [Alias("Upsert")]
    Task<PoolView> Upsert(PoolDefinition definition);

    /// <summary>Returns the pool.</summary>
    /// <returns>The pool, or <see langword="null"/> when it does not exist.</returns>
    [Alias("Get")]
    Task<PoolView?> Get();

    /// <summary>
    /// Deletes the pool (<c>ClearStateAsync</c>) and then removes it from its tenant's directory, unless one of its
    /// first-to-accept offers is still open: then nothing changes and the answer lists the offers' requests. Calling
    /// it for a pool that does not exist removes a leftover directory entry, if any.
    /// </summary>
    /// <returns>Whether it existed and was deleted, or the requests with open offers.</returns>
    [Alias("Delete")]
    Task<PoolDeletion> Delete();

    /// <summary>
    /// Returns the members in the order the strategy prefers for the next selection: for
    /// round robin, starting after the member picked last; for least loaded and first to
    /// accept, as stored (the engine ranks them by trailing bookings).
    /// </summary>
    /// <returns>The members; empty when the pool does not exist.</returns>
    [Alias("GetMembersForSelection")]
    Task<IReadOnlyList<string>> GetMembersForSelection();

    /// <summary>Records which members were picked for a booked interview (advances round robin).</summary>
    /// <param name="memberIds">The picked members.</param>
    /// <returns>A task that completes when stored.</returns>
    [Alias("RecordPicked")]
    Task RecordPicked(IReadOnlyList<string> memberIds);

    /// <summary>Offers a slot to every eligible member at once. Idempotent on the offer id.</summary>
    /// <param name="offer">The offer.</param>
    /// <returns>The offer as stored.</returns>
    /// <exception cref="ArgumentException">No eligible members, or one is not a member (<c>eligibleMembers</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool does not exist.</exception>
    [Alias("Offer")]
    Task<OfferView> Offer(OfferSpec offer);

    /// <summary>
    /// A member accepts an offer: the first acceptance wins and the offer is withdrawn from the others; later
    /// acceptances, and acceptances of a withdrawn offer, are refused. After a winning acceptance is stored, the
    /// offer's request (<see cref="OfferSpec.RequestId"/> in the pool's tenant) is told one-way through
    /// <see cref="IInterviewRequestGrain.OfferAccepted"/>; the pool never waits for the request.
    /// </summary>
    /// <param name="offerId">The offer id.</param>
    /// <param name="memberId">The accepting member.</param>
    /// <returns>Whether this member won, and the offer.</returns>
    [Alias("Accept")]
    Task<AcceptOutcome> Accept(string offerId, string memberId);

    /// <summary>
    /// Withdraws an open offer from every member (the request was cancelled, the offer expired, or the slot was
    /// lost): the offer and every open recipient become <see cref="OfferStatus.Withdrawn"/>, and later acceptances are
    /// refused. Idempotent; an offer that was already accepted is returned unchanged (the acceptance stands, and the
    /// caller decides what to do with it).
    /// </summary>
    /// <param name="offerId">The offer id.</param>
    /// <returns>The offer after the call, or <see langword="null"/> when it does not exist.</returns>
    [Alias("WithdrawOffer")]
    Task<OfferView?> WithdrawOffer(string offerId);

    /// <summary>Returns an offer.</summary>
    /// <param name="offerId">The offer id.</param>
    /// <returns>The offer, or <see langword="null"/>.</returns>
    [Alias("GetOffer")]
    Task<OfferView?> GetOffer(string offerId);
}
