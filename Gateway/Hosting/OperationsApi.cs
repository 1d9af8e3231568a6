using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Scheduler.Gateway.Hosting;

/// <summary>Liveness and readiness endpoints for load balancers and orchestrators.</summary>
public static class OperationsApi
{
    /// <summary>
    /// Maps <c>GET /health/live</c> (the process answers; no dependency is checked) and
    /// <c>GET /health/ready</c> (the silo is active and its storage answers; 503 otherwise).
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).ExcludeFromDescription();
        return app;
    }
}
