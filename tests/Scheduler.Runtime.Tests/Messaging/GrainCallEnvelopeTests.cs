using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Catalog;
using Scheduler.Runtime.Messaging;
using Scheduler.Runtime.Tests.Grains;

namespace Scheduler.Runtime.Tests.Messaging;

public sealed class GrainCallEnvelopeTests
{
    [Fact]
    public async Task Envelope_SerializedToJsonAndBack_InvokesTheSameMethodWithTheSameArguments()
    {
        var (host, _) = await TestSilos.StartAsync();
        await using var _ = host;
        var registry = host.Services.GetRequiredService<GrainTypeRegistry>();
        var codec = host.Services.GetRequiredService<GrainCallCodec>();
        var invoker = registry.GetInterface(typeof(ICounterGrain)).Invokers.Values.Single(i => i.Name == nameof(ICounterGrain.Add));
        var target = new GrainId("counter", "remote-1");

        var envelope = codec.Encode(target, invoker, [41], host.Time.GetUtcNow().AddSeconds(30));
        var wire = JsonSerializer.Serialize(envelope, JsonSerializerOptions.Web);
        var received = JsonSerializer.Deserialize<GrainCallEnvelope>(wire, JsonSerializerOptions.Web)!;
        var (decodedInvoker, arguments) = codec.Decode(received);
        var result = (ValueTask<int>)host.Services.GetRequiredService<IGrainCallInvoker>().Invoke(received.Target, decodedInvoker, arguments);

        Assert.Contains("\"target\":\"counter/remote-1\"", wire);
        Assert.Same(invoker, decodedInvoker);
        Assert.Equal(41, await result);
        Assert.Equal(42, await host.GrainFactory.GetGrain<ICounterGrain>("remote-1").Add(1));
    }

    [Fact]
    public async Task Decode_UnknownMethod_ThrowsInvalidOperation()
    {
        var (host, _) = await TestSilos.StartAsync();
        await using var _ = host;
        var codec = host.Services.GetRequiredService<GrainCallCodec>();
        var envelope = new GrainCallEnvelope("c1", new GrainId("counter", "x"), typeof(ICounterGrain).FullName!, "NoSuchMethod", [], false, host.Time.GetUtcNow(), 0);

        Assert.Throws<InvalidOperationException>(() => codec.Decode(envelope));
    }
}
