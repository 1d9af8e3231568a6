using Scheduler.Grains.Indexes;
using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Pools;

/// <summary>
/// An interviewer pool: members, strategy and first-to-accept offers. Turn-based execution makes the first acceptance
/// win; the winning acceptance is reported to the offer's request one-way, after it is stored.
/// </summary>
/// <param name="state">The durable state.</param>
/// <param name="time">The clock.</param>
[GrainType("interviewerpool")]
public sealed class InterviewerPoolGrain([PersistentState("pool")] IPersistentState<PoolState> state, TimeProvider time) : Grain, IInterviewerPoolGrain
{
    private PoolState S => state.State;

    /// <inheritdoc />
    public async Task<PoolView> Upsert(PoolDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Members is not { Count: > 0 } || definition.Members.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("At least one member id, none empty, is required.", "members");
        }

        if (definition.Members.Distinct(StringComparer.Ordinal).Count() != definition.Members.Count)
        {
            throw new ArgumentException("Members must not repeat.", "members");
        }

        if (!Enum.IsDefined(definition.Strategy))
        {
            throw new ArgumentException("Unknown strategy.", "strategy");
        }

        S.Definition = definition with { Members = [.. definition.Members] };
        S.Version++;
        await state.WriteStateAsync();

        // After our own state: a failure fails the upsert, and repeating it (idempotent) repairs the entry.
        await Directory.UpsertPool(new PoolSummary(PoolId, S.Definition.Strategy, S.Definition.Members));
        return View();
    }

    /// <inheritdoc />
    public async Task<PoolDeletion> Delete()
    {
        if (S.Definition is null)
        {
            // A delete whose directory call failed left the entry behind; repeating the delete removes it.
            await Directory.RemovePool(PoolId);
            return new PoolDeletion(false, false, []);
        }

        var open = S.Offers.Values.Where(o => o.Status == OfferStatus.Open).Select(o => o.RequestId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (open.Length > 0)
        {
            return new PoolDeletion(true, false, open);
        }

        await state.ClearStateAsync();

        // Storage providers need not reset the state in memory; this activation must see a pool that does not exist.
        state.State = new PoolState();
        await Directory.RemovePool(PoolId);
        return new PoolDeletion(true, true, []);
    }

    /// <inheritdoc />
    public Task<PoolView?> Get() => Task.FromResult(S.Definition is null ? null : View());

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetMembersForSelection()
    {
        if (S.Definition is not { } definition)
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var members = definition.Members;
        if (definition.Strategy == PoolStrategy.RoundRobin && S.LastPicked is { } last && members.ToList().IndexOf(last) is var index and >= 0)
        {
            members = [.. members.Skip(index + 1).Concat(members.Take(index + 1))];
        }

        return Task.FromResult(members);
    }

    /// <inheritdoc />
    public async Task RecordPicked(IReadOnlyList<string> memberIds)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        if (memberIds.Count > 0 && S.Definition is not null)
        {
            S.LastPicked = memberIds[^1];
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public async Task<OfferView> Offer(OfferSpec offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var definition = S.Definition ?? throw new InvalidOperationException($"Pool '{this.GetPrimaryKeyString()}' does not exist.");
        if (S.Offers.TryGetValue(offer.OfferId, out var existing))
        {
            return existing;
        }

        if (offer.EligibleMembers is not { Count: > 0 } || offer.EligibleMembers.Any(m => !definition.Members.Contains(m)))
        {
            throw new ArgumentException("Eligible members must be a non-empty subset of the pool's members.", "eligibleMembers");
        }

        var now = time.GetUtcNow();
        var view = new OfferView(offer.OfferId, offer.RequestId, offer.Slot, OfferStatus.Open, null,
            [.. offer.EligibleMembers.Distinct(StringComparer.Ordinal).Select(m => new OfferRecipient(m, OfferStatus.Open, now))]);
        S.Offers[offer.OfferId] = view;
        await state.WriteStateAsync();
        return view;
    }

    /// <inheritdoc />
    public async Task<AcceptOutcome> Accept(string offerId, string memberId)
    {
        if (!S.Offers.TryGetValue(offerId, out var offer))
        {
            return new AcceptOutcome(false, $"Offer '{offerId}' does not exist.", null);
        }

        if (offer.Status == OfferStatus.Accepted)
        {
            return offer.AcceptedBy == memberId
                ? new AcceptOutcome(true, null, offer)
                : new AcceptOutcome(false, $"Already accepted by '{offer.AcceptedBy}'.", offer);
        }

        if (offer.Status == OfferStatus.Withdrawn)
        {
            return new AcceptOutcome(false, "The offer was withdrawn.", offer);
        }

        if (offer.Recipients.All(r => r.MemberId != memberId))
        {
            return new AcceptOutcome(false, $"'{memberId}' was not offered this slot.", offer);
        }

        var now = time.GetUtcNow();
        var updated = offer with
        {
            Status = OfferStatus.Accepted,
            AcceptedBy = memberId,
            Recipients = [.. offer.Recipients.Select(r => r with { Status = r.MemberId == memberId ? OfferStatus.Accepted : OfferStatus.Withdrawn, ChangedAt = now })],
        };
        S.Offers[offerId] = updated;
        await state.WriteStateAsync();

        // One-way, after the decision is stored: the request may be calling this pool right now (it never waits on us).
        await GrainFactory.GetGrain<IInterviewRequestGrain>(GrainKeys.For(Tenant, offer.RequestId))
            .OfferAccepted(new OfferAcceptance(PoolId, offerId, memberId));
        return new AcceptOutcome(true, null, updated);
    }

    /// <inheritdoc />
    public async Task<OfferView?> WithdrawOffer(string offerId)
    {
        if (!S.Offers.TryGetValue(offerId, out var offer) || offer.Status != OfferStatus.Open)
        {
            return offer;
        }

        var now = time.GetUtcNow();
        var withdrawn = offer with
        {
            Status = OfferStatus.Withdrawn,
            Recipients = [.. offer.Recipients.Select(r => r.Status == OfferStatus.Open ? r with { Status = OfferStatus.Withdrawn, ChangedAt = now } : r)],
        };
        S.Offers[offerId] = withdrawn;
        await state.WriteStateAsync();
        return withdrawn;
    }

    /// <inheritdoc />
    public Task<OfferView?> GetOffer(string offerId) => Task.FromResult(S.Offers.GetValueOrDefault(offerId));

    private string Tenant => GrainKeys.Split(this.GetPrimaryKeyString()).Tenant;

    private string PoolId => GrainKeys.Split(this.GetPrimaryKeyString()).Id;

    private ITenantDirectoryGrain Directory => GrainFactory.GetGrain<ITenantDirectoryGrain>(TenantDirectoryKeys.For(Tenant, PoolId));

    private PoolView View() => new(PoolId, S.Definition!.Members, S.Definition.Strategy, S.Version);
}
