using Scheduler.Calendars.Benchmarks;

// --rounds N: pushes measured after 10 warm-up rounds (default 500).
var index = Array.IndexOf(args, "--rounds");
await PushToBusyReport.RunAsync(index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var rounds) ? rounds : 500);
