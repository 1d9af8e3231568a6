namespace Scheduler.Providers.Tests.Support;

/// <summary>The grain state the contract tests store: a list, a nullable and an instant, as real grain state has.</summary>
[GenerateSerializer]
[Alias("Scheduler.Providers.Tests.ContractState")]
public sealed class ContractState
{
    [Id(0)]
    public string Name { get; set; } = string.Empty;

    [Id(1)]
    public List<string> Items { get; set; } = [];

    [Id(2)]
    public int? Count { get; set; }

    [Id(3)]
    public DateTimeOffset UpdatedAt { get; set; }

    public static ContractState Sample(string name, int items = 3) => new()
    {
        Name = name,
        Items = Enumerable.Range(1, items).Select(i => $"{name}-item-{i}").ToList(),
        Count = items,
        UpdatedAt = new DateTimeOffset(2025, 3, 30, 1, 30, 0, TimeSpan.FromHours(2)).AddMinutes(items),
    };

    public void AssertEqual(ContractState? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(Name, actual.Name);
        Assert.Equal(Items, actual.Items);
        Assert.Equal(Count, actual.Count);
        Assert.Equal(UpdatedAt, actual.UpdatedAt);
        Assert.Equal(UpdatedAt.Offset, actual.UpdatedAt.Offset);
    }
}
