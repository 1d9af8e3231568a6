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
builder.AddServiceDefaults("scheduler-silo");
builder.AddSchedulerSilo(Path.GetFullPath(Path.Combine(dataDirectory, "scheduler.db")));
builder.AddSchedulerGrainServices(Path.GetFullPath(builder.Configuration["Scheduler:KeysDirectory"] ?? Path.Combine(dataDirectory, "keys")));

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();

/// <summary>The silo's entry point (public for tests that start the host in process).</summary>
public partial class Program;
