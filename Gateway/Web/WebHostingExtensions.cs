using Scheduler.Gateway.Web.Auth;
using Scheduler.Gateway.Web.Board;
using Scheduler.Gateway.Web.Components;
using Scheduler.Gateway.Web.Requests;

namespace Scheduler.Gateway.Web;

/// <summary>
/// Hosts the web app in the gateway: Blazor pages rendered on the server (static, with interactive server components
/// for the board and a request's page), the cookie and single sign-on of <see cref="WebAuthentication"/>, and the account
/// endpoints. The API under <c>/v1</c> is untouched.
/// </summary>
public static class WebHostingExtensions
{
    /// <summary>Registers the web app's services; call after the API's authentication.</summary>
    /// <param name="builder">The web application builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddSchedulerWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The framework's script (_framework/blazor.web.js) and the fingerprinted assets live in the build's static web assets
        // manifest; Development reads it by itself, any other environment run from a build (tests, --demo) needs this. A
        // published app has no such manifest and serves its wwwroot.
        builder.WebHost.UseStaticWebAssets();
        builder.AddSchedulerWebAuthentication();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSingleton<RequestBoardReader>();
        builder.Services.AddSingleton<RequestActions>();
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
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
