using Microsoft.AspNetCore.Components.Server.Circuits;
using Scheduler.Gateway.Web.Auth;
using Scheduler.Gateway.Web.Board;
using Scheduler.Gateway.Web.Calendar;
using Scheduler.Gateway.Web.Components;
using Scheduler.Gateway.Web.Participants;
using Scheduler.Gateway.Web.Pools;
using Scheduler.Gateway.Web.Prep;
using Scheduler.Gateway.Web.Imports;
using Scheduler.Gateway.Web.Requests;

namespace Scheduler.Gateway.Web;

/// <summary>
/// Hosts the web app in the gateway: Blazor pages rendered on the server (static, with interactive server components
/// for the board and a request's page), the cookie and single sign-on of <see cref="WebAuthentication"/>, and the account
/// endpoints. The API under <c>/v1</c> is untouched.
/// </summary>
public static class WebHostingExtensions
{
    /// <summary>The configuration key of ASP.NET Core's static assets that turns their development fallback route off.</summary>
    public const string StaticAssetFallbackKey = "DisableStaticAssetNotFoundRuntimeFallback";

    /// <summary>Registers the web app's services; call after the API's authentication.</summary>
    /// <param name="builder">The web application builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddSchedulerWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Without this, a gateway run from its build output maps a catch-all GET fallback for files added after the build, which
        // turns a POST to an unknown API path into 405 instead of 404. The pages' assets are all in the manifest.
        builder.Configuration[StaticAssetFallbackKey] ??= "true";
        builder.AddSchedulerWebAuthentication();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHybridCache();
        builder.Services.AddScoped<CircuitConnection>();
        builder.Services.AddScoped<CircuitHandler>(services => services.GetRequiredService<CircuitConnection>());
        builder.Services.AddTransient<LiveRefresh>();
        builder.Services.AddSingleton<RequestBoardReader>();
        builder.Services.AddSingleton<RequestActions>();
        builder.Services.AddSingleton<RequestTimelineReader>();
        builder.Services.AddSingleton<WeekCalendarReader>();
        builder.Services.AddSingleton<PoolLoadReader>();
        builder.Services.AddSingleton<ProfileSaver>();
        builder.Services.AddSingleton<PrepActions>();
        builder.Services.AddSingleton<ImportRuns>();
        builder.Services.AddSingleton<BatchImporter>();
        return builder;
    }

    /// <summary>Maps the static assets, the pages and the account endpoints; call after authentication and authorization.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static WebApplication MapSchedulerWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapAccountEndpoints();
        app.MapImportEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
