namespace Scheduler.Grains.Indexes;

/// <summary>
/// Which state of a tenant's request index a reader saw (<see cref="IRequestIndexDirectoryGrain.Version"/>): equal versions
/// mean no shard announced a change in between, so what was read under one still holds. Not stored; a new activation of the
/// directory starts a new <paramref name="Epoch"/>, so a version is never equal to one from before.
/// </summary>
/// <param name="Epoch">Identifies the directory's activation.</param>
/// <param name="Sequence">How many changes were announced in this activation.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.Indexes.RequestIndexVersion")]
public sealed record RequestIndexVersion([property: Id(0)] Guid Epoch, [property: Id(1)] long Sequence);
