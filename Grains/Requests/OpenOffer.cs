namespace Scheduler.Grains.Requests;

/// <summary>The first-to-accept offer a request waits for (JSON, part of <see cref="RequestState"/>).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Requests.OpenOffer")]
public sealed class OpenOffer
{
    /// <summary>The pool id (without tenant).</summary>
    [Id(0)]
    public required string PoolId { get; set; }

    /// <summary>The offer id in the pool: <c>{requestId}.o{n}</c>, n counting the request's offers.</summary>
    [Id(1)]
    public required string OfferId { get; set; }

    /// <summary>The index of the stage whose pool seat is offered.</summary>
    [Id(2)]
    public int StageIndex { get; set; }

    /// <summary>The stage's interval (UTC).</summary>
    [Id(3)]
    public required TimeRange Slot { get; set; }

    /// <summary>The members the seat is offered to (free for the slot when the offer was made).</summary>
    [Id(4)]
    public List<string> Members { get; set; } = [];

    /// <summary>The member the engine picked for the seat: booked instead when nobody accepts in time.</summary>
    [Id(5)]
    public required string EnginePick { get; set; }

    /// <summary>When the offer lapses (UTC).</summary>
    [Id(6)]
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Whether the offer messages were handed to the members' Slack messages grain.</summary>
    [Id(7)]
    public bool Posted { get; set; }

    /// <summary>The public view.</summary>
    /// <param name="stageName">The stage's name.</param>
    /// <returns>The view.</returns>
    public RequestOfferView ToView(string stageName) => new(PoolId, OfferId, stageName, Slot, [.. Members], ExpiresAt);
}
