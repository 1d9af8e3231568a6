using System.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Calendars.Google;
using Scheduler.Grains.Notifications;
using Scheduler.Runtime.Hosting;

// One process runs one silo. Grain state and reminders live in SQLite under Scheduler:DataDirectory
// until the cluster providers (DynamoDB membership, storage and reminders) are configured.
var builder = WebApplication.CreateBuilder(args);
var dataDirectory = builder.Configuration["Scheduler:DataDirectory"] ?? "data";
builder.Services.AddSilo(silo => silo
    .AddGrains(Assembly.Load(new AssemblyName("Scheduler.Grains")))
    .UseSqlite(Path.Combine(dataDirectory, "scheduler.db"))
    .BindOptions(builder.Configuration.GetSection("Cluster")));
builder.Services.AddSchedulerNotifications(builder.Configuration);
builder.Services.AddCalendarSources(options => builder.Configuration.GetSection("Calendars").Bind(options));
builder.Services.AddGoogleCalendar(
    Path.GetFullPath(builder.Configuration["Scheduler:KeysDirectory"] ?? Path.Combine(dataDirectory, "keys")),
    google => builder.Configuration.GetSection(GoogleOptions.SectionName).Bind(google));
builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.Run();
