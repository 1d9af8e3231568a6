using System.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Calendars.Google;
using Scheduler.Grains.Calendars.Microsoft;
using Scheduler.Grains.Notifications;
using Scheduler.Runtime.DynamoDB;
using Scheduler.Runtime.Hosting;

// One process runs one silo. Cluster:Provider chooses where grain state, reminders and membership
// live: SQLite under Scheduler:DataDirectory (default) or DynamoDB (Cluster:DynamoDB).
var builder = WebApplication.CreateBuilder(args);
var dataDirectory = builder.Configuration["Scheduler:DataDirectory"] ?? "data";
builder.Services.AddClusterSilo(
    builder.Configuration,
    Path.Combine(dataDirectory, "scheduler.db"),
    "scheduler-silo",
    silo => silo.AddGrains(Assembly.Load(new AssemblyName("Scheduler.Grains"))));
builder.Services.AddSchedulerNotifications(builder.Configuration);
builder.Services.AddCalendarSources(options => builder.Configuration.GetSection("Calendars").Bind(options));
var keysDirectory = Path.GetFullPath(builder.Configuration["Scheduler:KeysDirectory"] ?? Path.Combine(dataDirectory, "keys"));
builder.Services.AddGoogleCalendar(keysDirectory, google => builder.Configuration.GetSection(GoogleOptions.SectionName).Bind(google));
builder.Services.AddMicrosoftCalendar(keysDirectory, microsoft => builder.Configuration.GetSection(MicrosoftOptions.SectionName).Bind(microsoft));
builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.Run();

/// <summary>The silo's entry point (public for tests that start the host in process).</summary>
public partial class Program;
