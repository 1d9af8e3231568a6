using Scheduler.Gateway.CalendarAccounts;
using Scheduler.Gateway.Demo;
using Scheduler.Gateway.InterviewRequests;
using Scheduler.Gateway.OAuth;
using Scheduler.Gateway.Participants;
using Scheduler.Gateway.Pools;
using Scheduler.Gateway.PrepPlans;
using Scheduler.Gateway.Settings;
using Scheduler.Gateway.Web;
using Scheduler.Gateway.Webhooks;
using Scheduler.Grains.Common.Options;
using Scheduler.Hosting;

namespace Scheduler.Gateway.Hosting;

/// <summary>Wires the gateway: the embedded silo, authentication, JSON conventions, problem details, OpenAPI, health checks, the Orleans Dashboard, the API v1.</summary>
public static class GatewayHostingExtensions
{
    /// <summary>
    /// Registers the gateway's services. By default it hosts a silo configured from the <c>Cluster</c>
    /// section (<see cref="ClusterHostingExtensions.AddSchedulerSilo"/>), which runs every call in this
    /// process: with no configuration grain state, reminders and membership live in SQLite under
    /// <see cref="GatewayOptions.DataDirectory"/>; with <c>Cluster:Provider=DynamoDB</c> in DynamoDB.
    /// With <see cref="GatewayOptions.ClusterClient"/> it hosts no silo and is a cluster client
    /// (<see cref="ClusterHostingExtensions.AddSchedulerClusterClient"/>): every call goes to the silo that owns
    /// the grain, and readiness means the membership view lists an active silo.
    /// Hosting the silo on a loopback address, it sets <c>Links:BaseUrl</c> (where emails' action links lead) to that address unless configured.
    /// With <c>Scheduler:Demo=true</c> (or <c>--demo</c>) the demo tenant is loaded once the silo runs, and without an
    /// SMTP server (<c>Smtp:Host</c>) email is written to <see cref="GatewayOptions.GetMailDirectory"/> (<c>Smtp:PickupDirectory</c>).
    /// </summary>
    /// <param name="builder">The web application builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">No token key or authority is configured outside Development.</exception>
    public static WebApplicationBuilder AddSchedulerGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(GatewayOptions.DefaultUrl);
        }

        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddValidatedOptions<GatewayOptions>(builder.Configuration, GatewayOptions.SectionName);
        builder.AddServiceDefaults("scheduler-gateway");
        if (options.ClusterClient)
        {
            builder.AddSchedulerClusterClient();
        }
        else
        {
            builder.AddSchedulerSilo(options.GetDatabasePath());
        }

        if (options.Demo && string.IsNullOrWhiteSpace(builder.Configuration["Smtp:Host"]) && string.IsNullOrWhiteSpace(builder.Configuration["Smtp:PickupDirectory"]))
        {
            // The demo's email (invitations, reminders, prep plans as .ics) lands as files to open, not nowhere.
            builder.Configuration["Smtp:PickupDirectory"] = options.GetMailDirectory();
        }

        if (!options.ClusterClient && string.IsNullOrWhiteSpace(builder.Configuration["Links:BaseUrl"]) && LoopbackAddress(builder.Configuration["urls"]) is { } own)
        {
            // The embedded gateway on this machine is the web app its own emails' links lead to. Any other address
            // (a wildcard, a host name) is not known to be what browsers reach: Links:BaseUrl must say it.
            builder.Configuration["Links:BaseUrl"] = own;
        }

        builder.AddSchedulerGrainServices(options.GetKeysDirectory());
        builder.Services.AddSingleton<OAuthStateProtector>();
        builder.Services.AddValidatedOptions<SlackWebhookOptions>(builder.Configuration, SlackWebhookOptions.SectionName);
        builder.Services.AddSingleton<SlackSignatureVerifier>();
        if (options.Demo)
        {
            builder.Services.AddHostedService<DemoDatasetLoader>();
        }

        builder.AddSchedulerAuthentication();
        builder.AddSchedulerWeb();
        builder.Services.AddSchedulerJson();
        builder.Services.AddExceptionHandler<ClusterUnavailableExceptionHandler>();
        builder.Services.AddSingleton<RequestSubmitter>();
        builder.Services.AddSingleton<BatchProcessor>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer<BearerSecurityTransformer>());
        return builder;
    }

    /// <summary>Maps the gateway's middleware and endpoints.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static WebApplication MapSchedulerGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "docs";
            ui.SwaggerEndpoint("/openapi/v1.json", "Scheduler API v1");
            ui.DocumentTitle = "Scheduler API";
        });
        app.MapDefaultEndpoints();
        app.MapDashboard();
        app.MapParticipantsApi();
        app.MapInterviewRequestsApi();
        app.MapPrepPlansApi();
        app.MapPoolsApi();
        app.MapSettingsApi();
        app.MapDevTokenApi();
        app.MapSlackWebhook();
        app.MapCalendarWebhooks();
        app.MapCalendarOAuthApi();
        app.MapCalendarAccountsApi();
        app.MapSchedulerWeb();
        WarnAboutDevelopmentKey(app);
        return app;
    }

    /// <summary>The first address the gateway listens on (<see cref="GatewayOptions.DefaultUrl"/> when none is set) when its host is loopback; otherwise <see langword="null"/>.</summary>
    private static string? LoopbackAddress(string? urls)
    {
        var first = (string.IsNullOrWhiteSpace(urls) ? GatewayOptions.DefaultUrl : urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        return Uri.TryCreate(first, UriKind.Absolute, out var address) && address.IsLoopback ? address.AbsoluteUri : null;
    }

    private static void WarnAboutDevelopmentKey(WebApplication app)
    {
        var auth = app.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        if (SigningKeys.UsesDevelopmentKey(auth, app.Environment))
        {
            GatewayLog.DevelopmentKeyInUse(app.Logger);
        }
    }
}
