using System.Reflection;
using Scheduler.Runtime.Hosting;

namespace Scheduler.Gateway.Hosting;

/// <summary>Wires the gateway: the embedded silo, problem details, OpenAPI, health checks.</summary>
public static class GatewayHostingExtensions
{
    /// <summary>The assembly holding the product's grain classes.</summary>
    public static readonly AssemblyName GrainsAssembly = new("Scheduler.Grains");

    /// <summary>
    /// Registers the gateway's services. With no <c>Cluster</c> configuration it hosts an embedded
    /// silo whose grain state and reminders live in SQLite under <see cref="GatewayOptions.DataDirectory"/>.
    /// </summary>
    /// <param name="builder">The web application builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddSchedulerGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(GatewayOptions.DefaultUrl);
        }

        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.SectionName));
        builder.Services.AddSilo(silo => silo
            .AddGrains(Assembly.Load(GrainsAssembly))
            .UseSqlite(options.GetDatabasePath())
            .BindOptions(builder.Configuration.GetSection("Cluster")));

        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);
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
        app.MapOpenApi();
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "docs";
            ui.SwaggerEndpoint("/openapi/v1.json", "Scheduler API v1");
            ui.DocumentTitle = "Scheduler API";
        });
        app.MapOperationsApi();
        return app;
    }
}
