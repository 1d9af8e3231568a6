using System.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Calendars.Google;
using Scheduler.Grains.Calendars.Microsoft;
using Scheduler.Grains.Notifications;
using Scheduler.Runtime.DynamoDB;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Messaging;
using Scheduler.Silo.Hosting;

// One process runs one silo. Cluster:Provider chooses where grain state, reminders and membership
// live: SQLite under Scheduler:DataDirectory (default) or DynamoDB (Cluster:DynamoDB). Other silos
// and cluster-client gateways send it grain calls over HTTP/2 on the port of
// Cluster:AdvertisedEndpoint (default 5091); health checks are served on Urls (default 5090).
var builder = WebApplication.CreateBuilder(args);
using (var metadata = new HttpClient { Timeout = TimeSpan.FromSeconds(5) })
{
    await EcsAdvertisedEndpoint.ApplyAsync(builder.Configuration, metadata, CancellationToken.None);
}

var callPort = SiloEndpoints.Configure(builder);
var dataDirectory = builder.Configuration["Scheduler:DataDirectory"] ?? "data";
builder.Services.AddClusterSilo(
    builder.Configuration,
    Path.Combine(dataDirectory, "scheduler.db"),
    "scheduler-silo",
    silo => silo.AddGrains(Assembly.Load(new AssemblyName("Scheduler.Grains"))).UseSiloTransport());
builder.Services.AddSchedulerNotifications(builder.Configuration);
builder.Services.AddCalendarSources(options => builder.Configuration.GetSection("Calendars").Bind(options));
var keysDirectory = Path.GetFullPath(builder.Configuration["Scheduler:KeysDirectory"] ?? Path.Combine(dataDirectory, "keys"));
builder.Services.AddGoogleCalendar(keysDirectory, google => builder.Configuration.GetSection(GoogleOptions.SectionName).Bind(google));
builder.Services.AddMicrosoftCalendar(keysDirectory, microsoft => builder.Configuration.GetSection(MicrosoftOptions.SectionName).Bind(microsoft));
builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapSiloCalls().RequireHost($"*:{callPort}");
app.Run();

/// <summary>The silo's entry point (public for tests that start the host in process).</summary>
public partial class Program;
