using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;

namespace Scheduler.Hosting;

/// <summary>What every Scheduler process sets up the same way, whatever it hosts: telemetry, health endpoints and HTTP resilience.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Adds OpenTelemetry export when an OTLP endpoint is configured (<see cref="TelemetryHostingExtensions.AddSchedulerTelemetry"/>)
    /// and health checks (the silo or cluster client adds its <c>ready</c> check); every <see cref="System.Net.Http.HttpClient"/> from
    /// the factory gets the standard resilience handler (retries, circuit breaker, attempt and total timeouts) unless its
    /// registration replaces it, as each calendar, Google, Microsoft and Slack client does with its own.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="defaultServiceName">The telemetry service name when none is configured (<c>scheduler-gateway</c>, <c>scheduler-silo</c>).</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="InvalidOperationException">The OTLP endpoint or protocol is invalid.</exception>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string defaultServiceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSchedulerTelemetry(defaultServiceName);
        builder.Services.AddHealthChecks();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        return builder;
    }

    /// <summary>
    /// Maps <c>GET /health/live</c> (the process answers; no dependency is checked) and <c>GET /health/ready</c> (every
    /// check tagged <c>ready</c> passes, e.g. the silo is active and its storage answers; 503 otherwise), both left out
    /// of the API description.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns><paramref name="app"/>.</returns>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).ExcludeFromDescription();
        return app;
    }
}
