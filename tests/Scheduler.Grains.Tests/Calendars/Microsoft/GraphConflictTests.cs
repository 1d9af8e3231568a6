namespace Scheduler.Grains.Tests.Calendars.Microsoft;

public sealed class GraphConflictTests : ProviderConflictTests
{
    private protected override async Task<ProviderSilo> StartSiloAsync(bool watch = true, Action<ISiloBuilder>? configureSilo = null) =>
        await GraphSilo.StartAsync(watch, configureSilo);
}
