namespace Scheduler.Providers.Tests.Support;

/// <summary>Grain ids for the contract tests, unique per call so tests never share rows.</summary>
public static class TestGrains
{
    public static GrainId NewId(string type = "contract") => GrainId.Create(type, Guid.NewGuid().ToString("N"));

    /// <summary>Grain ids with their uniform hashes, sorted by hash and with distinct hashes.</summary>
    public static IReadOnlyList<(GrainId Id, uint Hash)> ByHash(int count) =>
        Enumerable.Range(0, count * 2)
            .Select(_ => NewId("ring"))
            .Select(id => (Id: id, Hash: id.GetUniformHashCode()))
            .DistinctBy(grain => grain.Hash)
            .Take(count)
            .OrderBy(grain => grain.Hash)
            .ToList();
}
