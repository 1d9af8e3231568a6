namespace Scheduler.Runtime.Diagnostics;

/// <summary>Export of the runtime's traces and metrics over OTLP (configuration section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section: <c>Telemetry</c>.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>
    /// The OTLP collector's base address, for example <c>http://localhost:4317</c> (gRPC) or
    /// <c>http://localhost:4318</c> (HTTP). <see langword="null"/> (the default) falls back to the
    /// standard variable <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; when neither is set nothing is exported.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// The OTLP transport: <c>grpc</c> or <c>http/protobuf</c> (the values of the OpenTelemetry
    /// specification's <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>). <see langword="null"/> (the default)
    /// falls back to that variable, then to <c>grpc</c>.
    /// </summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>The <c>service.name</c> resource attribute. <see langword="null"/> (the default) falls back to <c>OTEL_SERVICE_NAME</c>, then to the host's default name.</summary>
    public string? ServiceName { get; set; }
}
