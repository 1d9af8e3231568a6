using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Storage;
using Scheduler.Runtime.Testing;
using Scheduler.Runtime.Tests.Grains;

namespace Scheduler.Runtime.DynamoDB.Tests;

/// <summary>A silo configured with <see cref="DynamoDbSiloBuilderExtensions.UseDynamoDb"/> over dynalite.</summary>
public sealed class DynamoDbSiloTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    private readonly string _prefix = $"t{Guid.NewGuid():N}-";
    private readonly string _serviceId = $"svc-{Guid.NewGuid():N}";

    [Fact]
    public async Task UseDynamoDb_CreateTables_CreatesActiveTablesAndPersistsGrainState()
    {
        await using var host = await StartAsync(new FakeTimeProvider());

        var grain = host.GrainFactory.GetGrain<IStatefulGrain>("s1");
        await grain.Increment("a");

        Assert.Equal(Amazon.DynamoDBv2.TableStatus.ACTIVE, await DynamoDbTables.StatusAsync(dynalite.Client, _prefix + "grain-state", CancellationToken.None));
        Assert.Equal(Amazon.DynamoDBv2.TableStatus.ACTIVE, await DynamoDbTables.StatusAsync(dynalite.Client, _prefix + "reminders", CancellationToken.None));
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>("Default");
        Assert.IsType<DynamoDbGrainStorage>(storage);
        var direct = new DynamoDbGrainStorage(dynalite.Client, _prefix + "grain-state", _serviceId, TimeProvider.System);
        Assert.Equal(await grain.ETag(), (await direct.ReadAsync(new GrainId("stateful", "s1"), "counter", CancellationToken.None))!.ETag);
        foreach (var probe in host.Services.GetServices<IStorageHealthProbe>())
        {
            await probe.ProbeAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Reminder_RegisteredBeforeStop_FiresOnNextSiloOverSameTables()
    {
        var start = new DateTimeOffset(2026, 3, 7, 10, 0, 0, TimeSpan.Zero);
        var first = await StartAsync(new FakeTimeProvider(start));
        await first.GrainFactory.GetGrain<IReminderGrain>("interview-1").Register("reminder-2h", TimeSpan.FromHours(1), TimeSpan.Zero);
        await first.DisposeAsync();

        var probe = new Probe();
        await using var second = await StartAsync(new FakeTimeProvider(start.AddHours(3)), probe);

        await TestSiloHost.WaitUntilAsync(() => probe.Events.Contains($"reminder:interview-1:reminder-2h:{start.AddHours(1):O}"));
    }

    [Fact]
    public async Task Silo_TablesMissingAndCreationOff_FailsToStart()
    {
        await Assert.ThrowsAsync<Amazon.DynamoDBv2.Model.ResourceNotFoundException>(() => StartAsync(new FakeTimeProvider(), createTables: false));
    }

    [Fact]
    public async Task HealthProbe_TablesMissing_Fails()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSilo(silo => silo.UseDynamoDb(o =>
        {
            o.ServiceUrl = dynalite.ServiceUrl;
            o.TablePrefix = _prefix;
        }));
        await using var provider = services.BuildServiceProvider();

        var probe = Assert.Single(provider.GetServices<IStorageHealthProbe>());
        await Assert.ThrowsAsync<InvalidOperationException>(() => probe.ProbeAsync(CancellationToken.None));
    }

    private Task<TestSiloHost> StartAsync(FakeTimeProvider time, Probe? probe = null, bool createTables = true) =>
        TestSiloHost.StartAsync(
            silo => silo
                .AddGrains(typeof(StatefulGrain).Assembly)
                .Configure(o => o.ServiceId = _serviceId)
                .UseDynamoDb(o =>
                {
                    o.ServiceUrl = dynalite.ServiceUrl;
                    o.TablePrefix = _prefix;
                    o.CreateTables = createTables;
                }),
            time,
            services => services.AddSingleton(probe ?? new Probe()));
}
