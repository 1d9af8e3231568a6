using Orleans.Dashboard;

namespace Scheduler.Gateway.Hosting;

/// <summary>The Orleans Dashboard (silos, grain types, call rates and latencies, reminders) for operators.</summary>
public static class DashboardApi
{
    /// <summary>The path the dashboard is served under.</summary>
    public const string RoutePrefix = "/dashboard";

    /// <summary>
    /// Maps the Orleans Dashboard's page and its data endpoints under <see cref="RoutePrefix"/>, for the
    /// <c>admin</c> role only (<see cref="SchedulerPolicies.Admin"/>): 401 without a valid bearer token, 403 without the
    /// role. The data it shows comes from the silos' dashboard grains (<c>AddDashboard</c> in the cluster hosting).
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapOrleansDashboard(routePrefix: RoutePrefix)
            .RequireAuthorization(SchedulerPolicies.Admin)
            .ExcludeFromDescription();
        return app;
    }
}
