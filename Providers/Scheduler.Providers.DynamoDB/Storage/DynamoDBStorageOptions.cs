namespace Scheduler.Providers.DynamoDB.Storage;

/// <summary>Options of <see cref="DynamoDBGrainStorage"/>, one set per named storage provider; the table is <see cref="DefaultTableName"/> unless set.</summary>
public sealed class DynamoDBStorageOptions() : DynamoDBTableOptions(DefaultTableName), IStorageProviderSerializerOptions
{
    /// <summary>The official provider's default table name.</summary>
    public const string DefaultTableName = "OrleansGrainState";

    /// <summary>
    /// Whether clearing a state deletes its item. Default <see langword="false"/>, as in the official
    /// provider: the item stays with no state and its ETag advances, so a stale writer still fails.
    /// </summary>
    public bool DeleteStateOnClear { get; set; }

    /// <summary>
    /// How long after its last write an item expires, or <see langword="null"/> (the default) for
    /// never. When set, every write stores <c>GrainTtl</c> (epoch seconds) and a table created by the
    /// provider has DynamoDB's TTL enabled on it. DynamoDB deletes expired items within days, not at
    /// the second.
    /// </summary>
    public TimeSpan? TimeToLive { get; set; }

    /// <summary>The silo lifecycle stage at which the table is checked or created. Default <see cref="ServiceLifecycleStage.ApplicationServices"/>.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <summary>
    /// The serializer of state values (binary, stored in <c>GrainState</c>). Filled from the silo's
    /// default <see cref="IGrainStorageSerializer"/> when left <see langword="null"/>.
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;

    /// <inheritdoc/>
    internal override IEnumerable<string> Problems()
    {
        foreach (var problem in base.Problems())
        {
            yield return problem;
        }

        if (GrainStorageSerializer is null)
        {
            yield return $"{nameof(GrainStorageSerializer)} must be set (or left to the silo's default).";
        }

        if (TimeToLive is { } ttl && ttl <= TimeSpan.Zero)
        {
            yield return $"{nameof(TimeToLive)} must be positive when set, not {ttl}.";
        }
    }
}
