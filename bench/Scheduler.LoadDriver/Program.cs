using Scheduler.LoadDriver;

// Load driver for a running gateway (Development, so /dev/token can mint tokens):
//   batch   --url http://localhost:5080 --requests 10000 --interviewers 1000
//   polling --url http://localhost:5080 --clients 64 --seconds 20 [--etag]
//   recovery --url http://localhost:5080 --requests 300 --clients 16 --seconds 60 --kill-pid <silo pid>
//   contention --url http://localhost:5080 --requests 60 --rounds 10
var options = DriverOptions.Parse(args);
using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromMinutes(10) };
var api = await GatewayClient.ConnectAsync(http, options.Tenant);
return options.Mode switch
{
    "batch" => await BatchScenario.RunAsync(api, options),
    "polling" => await PollingScenario.RunAsync(api, options),
    "recovery" => await RecoveryScenario.RunAsync(api, options),
    "contention" => await ContentionScenario.RunAsync(api, options),
    _ => Fail($"unknown mode '{options.Mode}' (batch | polling | recovery | contention)"),
};

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
