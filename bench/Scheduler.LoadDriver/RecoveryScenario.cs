namespace Scheduler.LoadDriver;

/// <summary>
/// Recovery after a silo crash, as status polling sees it: creates P interview requests (one grain each, spread over
/// the silos), then C clients GET their status in turn; after a 5 s baseline the driver kills the given silo process
/// with SIGKILL and keeps reading for S seconds. Reports the failed reads, how long after the kill the last failed
/// read was sent (reads sent later all succeeded: calls to the dead silo's grains work again, reactivated on the
/// survivors) and when it failed.
/// </summary>
internal static class RecoveryScenario
{
    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(GatewayClient api, DriverOptions options)
    {
        if (options.KillPid <= 0)
        {
            Console.Error.WriteLine("recovery needs --kill-pid <silo process id>");
            return 2;
        }

        var ids = await PollingScenario.CreateRequestsAsync(api, "rec", options.Requests);

        var clock = Stopwatch.StartNew();
        var limit = Baseline + TimeSpan.FromSeconds(options.Seconds);
        var failures = new List<(TimeSpan Sent, TimeSpan At, string What)>[options.Clients];
        var reads = new int[options.Clients];
        var slowest = new double[options.Clients];
        var clients = Enumerable.Range(0, options.Clients).Select(client => Task.Run(async () =>
        {
            var own = failures[client] = [];
            var n = client;
            while (clock.Elapsed < limit)
            {
                var id = ids[n++ % ids.Count];
                var started = clock.Elapsed;
                string? failure;
                try
                {
                    using var response = await api.Http.GetAsync(new Uri($"/v1/interview-requests/{id}", UriKind.Relative));
                    failure = response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    failure = ex.GetType().Name;
                }

                reads[client]++;
                slowest[client] = Math.Max(slowest[client], (clock.Elapsed - started).TotalMilliseconds);
                if (failure is not null)
                {
                    own.Add((started, clock.Elapsed, failure));
                }
            }
        })).ToList();

        await Task.Delay(Baseline);
        using var victim = Process.GetProcessById(options.KillPid);
        var killedAt = clock.Elapsed;
        victim.Kill();

        await Task.WhenAll(clients);
        var all = failures.SelectMany(f => f).OrderBy(f => f.At).ToList();
        var beforeKill = all.Count(f => f.At < killedAt);
        var lastFailure = all.Count > 0 ? all[^1].At - killedAt : TimeSpan.Zero;
        var lastFailedSend = all.Count > 0 ? all.Max(f => f.Sent) - killedAt : TimeSpan.Zero;
        var kinds = string.Join(", ", all.GroupBy(f => f.What).Select(g => $"{g.Count()} × {g.Key}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ids.Count} requests, {options.Clients} clients: {reads.Sum()} reads, {all.Count} failed ({beforeKill} before the kill; {kinds}); the last failed read was sent {lastFailedSend.TotalSeconds:0.0} s after the kill and failed {lastFailure.TotalSeconds:0.0} s after it; slowest read {slowest.Max() / 1000:0.0} s"));
        return 0;
    }
}
