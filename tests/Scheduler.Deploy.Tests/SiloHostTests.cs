extern alias silo;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scheduler.Grains.Common;
using Scheduler.Grains.Participants;
using Scheduler.Testing;
using SiloProgram = silo::Program;

namespace Scheduler.Deploy.Tests;

/// <summary>The Silo host (Silo/Program.cs) in process, embedded SQLite, its Orleans ports on free loopback ports: health routes (readiness is the silo's membership status) and OTLP export.</summary>
public sealed class SiloHostTests : IDisposable
{
    private static readonly Terraform _terraform = Terraform.Load();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("scheduler-silo-host-");

    [Fact]
    public async Task HealthPaths_Terraform_AnsweredByTheSiloOnceActive()
    {
        await using var factory = Silo();
        using var client = factory.CreateClient();

        using var live = await client.GetAsync(new Uri(_terraform.LocalResolved("health_live_path"), UriKind.Relative));
        using var ready = await client.GetAsync(new Uri(_terraform.LocalResolved("health_ready_path"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = await factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains("ready"));
        var silo = Assert.Single(report.Entries);
        Assert.Equal("silo", silo.Key);
        Assert.EndsWith("is active.", silo.Value.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiloHost_WithOtlpEndpoint_PostsOrleansTracesAndMetricsInProtobuf()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var factory = Silo(builder =>
        {
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

        // Protobuf keeps strings as UTF-8 bytes: the resource's service name and Orleans' source and meter names are in the bodies.
        Assert.Contains(traces, r => OtlpReceiver.Contains(r.Body, "silo-under-test") && OtlpReceiver.Contains(r.Body, "Microsoft.Orleans"));
        Assert.Contains(metrics, r => OtlpReceiver.Contains(r.Body, "Microsoft.Orleans"));
    }

    [Fact]
    public async Task SiloHost_WithoutEndpoint_ExportsNothing()
    {
        await using var factory = Silo();
        _ = factory.Server;

        Assert.Null(factory.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.Null(factory.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    public void Dispose() => _data.Delete(recursive: true);

    private WebApplicationFactory<SiloProgram> Silo(Action<IWebHostBuilder>? configure = null)
    {
        var ports = FreePort.Take(2);
        return new WebApplicationFactory<SiloProgram>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Scheduler:DataDirectory", _data.FullName);
            builder.UseSetting("Cluster:SiloPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Cluster:GatewayPort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
            configure?.Invoke(builder);
        });
    }

}
