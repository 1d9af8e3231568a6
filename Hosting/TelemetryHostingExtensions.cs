using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Exporter;
using Scheduler.Grains.Links;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Scheduler.Hosting;

/// <summary>OpenTelemetry export (OTLP) of Orleans' activity sources and meters, the product's own, and ASP.NET Core, HttpClient and .NET runtime instrumentation.</summary>
public static class TelemetryHostingExtensions
{
    /// <summary>The activity sources exported: Orleans' runtime and application calls (one trace spans grain calls across silos).</summary>
    public static readonly IReadOnlyList<string> ActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Scheduler"];

    /// <summary>The meters exported: Orleans' (messaging, activations, membership, reminders, storage) and the product's.</summary>
    public static readonly IReadOnlyList<string> Meters = ["Microsoft.Orleans", "Scheduler"];

    /// <summary>
    /// Exports traces and metrics over OTLP when an endpoint is configured (<c>Telemetry:OtlpEndpoint</c> or
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; protocol <c>Telemetry:OtlpProtocol</c>/<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
    /// <c>grpc</c> (default) or <c>http/protobuf</c>; service name <c>Telemetry:ServiceName</c>/<c>OTEL_SERVICE_NAME</c>
    /// or <paramref name="defaultServiceName"/>). Without an endpoint nothing is exported.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="defaultServiceName">The service name when none is configured.</param>
    /// <returns>Whether export was configured.</returns>
    /// <exception cref="InvalidOperationException">The endpoint is not an absolute URI or the protocol is unknown.</exception>
    public static bool AddSchedulerTelemetry(this IHostApplicationBuilder builder, string defaultServiceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var endpointText = NonEmpty(configuration["Telemetry:OtlpEndpoint"]) ?? NonEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (endpointText is null)
        {
            return false;
        }

        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint))
        {
            throw new InvalidOperationException($"Telemetry:OtlpEndpoint '{endpointText}' is not an absolute URI.");
        }

        var protocol = (NonEmpty(configuration["Telemetry:OtlpProtocol"]) ?? NonEmpty(configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) ?? "grpc") switch
        {
            "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"Telemetry:OtlpProtocol must be 'grpc' or 'http/protobuf', not '{other}'."),
        };
        var serviceName = NonEmpty(configuration["Telemetry:ServiceName"]) ?? NonEmpty(configuration["OTEL_SERVICE_NAME"]) ?? defaultServiceName;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource([.. ActivitySources])
                .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpRequest = RedactActionLink)
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(o => Configure(o, endpoint, protocol, "v1/traces")))
            .WithMetrics(metrics => metrics
                .AddMeter([.. Meters])
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter(o => Configure(o, endpoint, protocol, "v1/metrics")));
        return true;
    }

    /// <summary>An action link's path carries its token, a credential: its span records the route's shape, <c>/act/{token}</c>, instead.</summary>
    private static void RedactActionLink(Activity activity, HttpRequest request)
    {
        if (request.Path.StartsWithSegments(ActionLinkPath))
        {
            activity.SetTag("url.path", ActionLinkPath + "/{token}");
        }
    }

    private static readonly PathString ActionLinkPath = "/" + ActionLinks.PathPrefix.TrimEnd('/');

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static void Configure(OtlpExporterOptions exporter, Uri endpoint, OtlpExportProtocol protocol, string signalPath)
    {
        exporter.Protocol = protocol;
        exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath) : endpoint;
    }
}
