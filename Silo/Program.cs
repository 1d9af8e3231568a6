using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Calendars.Google;
using Scheduler.Grains.Calendars.Microsoft;
using Scheduler.Grains.Notifications;
using Scheduler.Hosting;
using Scheduler.Silo.Hosting;

// One process runs one Orleans silo. Cluster:Provider chooses where membership, grain state and
// reminders live: SQLite under Scheduler:DataDirectory (default) or DynamoDB (Cluster:DynamoDB).
// Other silos and cluster clients reach it on Orleans' own TCP ports (Cluster:SiloPort,
// Cluster:GatewayPort); health checks are served on Urls (default http://localhost:5090).
var builder = WebApplication.CreateBuilder(args);
using (var metadata = EcsAdvertisedAddress.CreateClient())
{
    await EcsAdvertisedAddress.ApplyAsync(builder.Configuration, metadata, CancellationToken.None);
}

var dataDirectory = builder.Configuration["Scheduler:DataDirectory"] ?? "data";
builder.AddSchedulerSilo(Path.GetFullPath(Path.Combine(dataDirectory, "scheduler.db")), "scheduler-silo");
builder.Services.AddSchedulerNotifications(builder.Configuration);
builder.Services.AddCalendarSources(options => builder.Configuration.GetSection(CalendarSourceOptions.SectionName).Bind(options));
var keysDirectory = Path.GetFullPath(builder.Configuration["Scheduler:KeysDirectory"] ?? Path.Combine(dataDirectory, "keys"));
builder.Services.AddGoogleCalendar(keysDirectory, google => builder.Configuration.GetSection(GoogleOptions.SectionName).Bind(google));
builder.Services.AddMicrosoftCalendar(keysDirectory, microsoft => builder.Configuration.GetSection(MicrosoftOptions.SectionName).Bind(microsoft));

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
await app.RunAsync();

/// <summary>The silo's entry point (public for tests that start the host in process).</summary>
public partial class Program;
