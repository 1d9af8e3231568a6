namespace Scheduler.Providers.Tests.DynamoDB;

/// <summary>The DynamoDB tests share one dynalite and run one class at a time (dynalite is a single process).</summary>
[CollectionDefinition(Name)]
public sealed class DynaliteCollection : ICollectionFixture<DynaliteFixture>
{
    public const string Name = "dynalite";
}
