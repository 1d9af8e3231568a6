using System.Globalization;
using System.Runtime.InteropServices;
using Scheduler.Testing.DynamoDB;

// dynalite implements neither TransactWriteItems nor TransactGetItems, which the membership table
// of the DynamoDB clustering provider uses for every insert and update. scripts/cluster.sh starts
// dynalite on a private port and this program in front of it; the silos and gateways call this one.
//
//   dotnet Scheduler.DynaliteShim.dll --dynalite http://127.0.0.1:4568/ --port 4567
//
// It runs until SIGINT or SIGTERM. Every request passes one at a time (see DynaliteTransactionShim).
if (args is not ["--dynalite", var dynalite, "--port", var portText] || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
{
    await Console.Error.WriteLineAsync("usage: Scheduler.DynaliteShim --dynalite <dynalite URL> --port <port to listen on>");
    return 2;
}

var stop = new TaskCompletionSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var shim = DynaliteTransactionShim.Start(new Uri(dynalite, UriKind.Absolute), port, record: false);
Console.WriteLine($"transaction shim on {shim.Url}, forwarding to {dynalite}");
await stop.Task;
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}
