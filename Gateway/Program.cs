using Scheduler.Gateway.Hosting;

if (TokenCommand.Matches(args))
{
    return TokenCommand.Run(args[1..], Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(GatewayCommandLine.Normalize(args));
builder.AddSchedulerGateway();
var app = builder.Build();
app.MapSchedulerGateway();
await app.RunAsync();
return 0;

/// <summary>The gateway's entry point (public for functional tests).</summary>
public partial class Program;
