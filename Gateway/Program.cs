using Scheduler.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSchedulerGateway();

var app = builder.Build();
app.MapSchedulerGateway();
app.Run();

/// <summary>The gateway's entry point (public for functional tests).</summary>
public partial class Program;
