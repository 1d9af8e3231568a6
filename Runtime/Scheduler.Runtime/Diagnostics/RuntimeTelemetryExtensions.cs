using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Scheduler.Runtime.Diagnostics;

/// <summary>Exports the runtime's <see cref="RuntimeInstrumentation.ActivitySourceName"/> traces and <see cref="RuntimeInstrumentation.MeterName"/> metrics with OpenTelemetry OTLP.</summary>
public static class RuntimeTelemetryExtensions
{
    /// <summary>
    /// When an OTLP endpoint is configured (<c>Telemetry:OtlpEndpoint</c>, else the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), registers an OpenTelemetry tracer provider and meter
    /// provider (SDK builders) that export the runtime's traces and metrics to it, created when
    /// the host starts and flushed when it stops. Otherwise registers nothing.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration (section <c>Telemetry</c> and the <c>OTEL_*</c> variables).</param>
    /// <param name="defaultServiceName">The <c>service.name</c> when neither <c>Telemetry:ServiceName</c> nor <c>OTEL_SERVICE_NAME</c> is set.</param>
    /// <returns>Whether export was configured.</returns>
    /// <exception cref="InvalidOperationException">The endpoint is not an absolute URI, or the protocol is neither <c>grpc</c> nor <c>http/protobuf</c>.</exception>
    public static bool AddRuntimeTelemetry(this IServiceCollection services, IConfiguration configuration, string defaultServiceName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(defaultServiceName);
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpointText = NonEmpty(options.OtlpEndpoint) ?? NonEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (endpointText is null)
        {
            return false;
        }

        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint))
        {
            throw new InvalidOperationException($"The OTLP endpoint '{endpointText}' is not an absolute URI.");
        }

        var protocol = (NonEmpty(options.OtlpProtocol) ?? NonEmpty(configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) ?? "grpc") switch
        {
            "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"The OTLP protocol must be 'grpc' or 'http/protobuf', not '{other}'."),
        };
        var serviceName = NonEmpty(options.ServiceName) ?? NonEmpty(configuration["OTEL_SERVICE_NAME"]) ?? defaultServiceName;
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);

        services.TryAddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(RuntimeInstrumentation.ActivitySourceName)
            .AddOtlpExporter(o => Configure(o, endpoint, protocol, "v1/traces"))
            .Build());
        services.TryAddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(RuntimeInstrumentation.MeterName)
            .AddOtlpExporter(o => Configure(o, endpoint, protocol, "v1/metrics"))
            .Build());
        services.AddHostedService<TelemetryExportService>();
        return true;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>With HTTP/protobuf an explicitly set endpoint is used as is, so the signal's path is appended (OTLP/HTTP: <c>/v1/traces</c>, <c>/v1/metrics</c>).</summary>
    private static void Configure(OtlpExporterOptions exporter, Uri endpoint, OtlpExportProtocol protocol, string signalPath)
    {
        exporter.Protocol = protocol;
        exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : endpoint;
    }
}
