using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Grains;
using Scheduler.Runtime.Testing;

namespace Scheduler.Runtime.DynamoDB.Tests;

/// <summary>The Silo host exports the runtime's traces and metrics to an OTLP/HTTP receiver (a local Kestrel server that accepts what the OTLP specification says a collector accepts).</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task SiloHost_WithOtlpEndpoint_PostsTracesAndMetricsInProtobuf()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var data = new TempDirectory();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Scheduler:DataDirectory", data.Path);
            builder.UseSetting("Telemetry:OtlpEndpoint", receiver.Address);
            builder.UseSetting("Telemetry:OtlpProtocol", "http/protobuf");
            builder.UseSetting("Telemetry:ServiceName", "silo-under-test");
        });
        await using (factory)
        {
            _ = factory.Server;
            var grains = factory.Services.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<IParticipantGrain>("acme/grace").UpsertProfile(
                new ParticipantProfile("Grace", "grace@example.test", ParticipantKind.Interviewer, "UTC", [new WeeklyHours(["Tue"], "09:00", "17:00")]));
        }

        // Stopping the host flushed both providers.
        var traces = receiver.Requests.Where(r => r.Path == "/v1/traces").ToList();
        var metrics = receiver.Requests.Where(r => r.Path == "/v1/metrics").ToList();
        Assert.NotEmpty(traces);
        Assert.NotEmpty(metrics);
        Assert.All(traces.Concat(metrics), r => Assert.Equal("application/x-protobuf", r.ContentType));

        // Protobuf keeps strings as UTF-8 bytes: the resource's service name, the source and a metric name are in the bodies.
        Assert.Contains(traces, r => Contains(r.Body, "silo-under-test") && Contains(r.Body, "Scheduler.Runtime"));
        Assert.Contains(metrics, r => Contains(r.Body, "scheduler.grain.activations"));
    }

    [Fact]
    public async Task SiloHost_WithoutEndpoint_ExportsNothing()
    {
        using var data = new TempDirectory();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseSetting("Scheduler:DataDirectory", data.Path));
        await using (factory)
        {
            _ = factory.Server;
            Assert.Null(factory.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
            Assert.Null(factory.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
        }
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private sealed record Received(string Path, string? ContentType, byte[] Body);

    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private OtlpReceiver(WebApplication app, string address)
        {
            _app = app;
            Address = address;
        }

        public string Address { get; }

        public ConcurrentQueue<Received> Requests { get; } = new();

        public static async Task<OtlpReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            OtlpReceiver? receiver = null;
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                receiver!.Requests.Enqueue(new Received(context.Request.Path, context.Request.ContentType, body.ToArray()));

                // An empty Export*ServiceResponse: a protobuf message with no fields is zero bytes.
                context.Response.ContentType = "application/x-protobuf";
                return Results.Bytes([], "application/x-protobuf");
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            receiver = new OtlpReceiver(app, address);
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
