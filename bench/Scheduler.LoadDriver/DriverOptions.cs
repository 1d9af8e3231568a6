namespace Scheduler.LoadDriver;

/// <summary>Command-line options of the load driver.</summary>
internal sealed record DriverOptions(string Mode, Uri Url, string Tenant, int Requests, int Interviewers, int Clients, int Seconds, bool UseETag, int KillPid, int Rounds)
{
    public static DriverOptions Parse(string[] args)
    {
        var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "batch";
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        int GetInt(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        return new DriverOptions(
            mode,
            new Uri(Get("url", "http://localhost:5080")),
            Get("tenant", "load-" + Guid.NewGuid().ToString("N")[..8]),
            GetInt("requests", 10_000),
            GetInt("interviewers", 1_000),
            GetInt("clients", 64),
            GetInt("seconds", 20),
            args.Contains("--etag"),
            GetInt("kill-pid", 0),
            GetInt("rounds", 5));
    }
}
