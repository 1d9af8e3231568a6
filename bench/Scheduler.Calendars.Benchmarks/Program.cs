using Scheduler.Calendars.Benchmarks;

// --rounds N: measured rounds (default 500). --provider google|microsoft: whose push to measure (default google).
// --hanging-feed: the participant reads while its iCalendar feed hangs.
string? Option(string name) => Array.IndexOf(args, name) is var index and >= 0 && index + 1 < args.Length ? args[index + 1] : null;
var rounds = int.TryParse(Option("--rounds"), out var parsed) ? parsed : 500;
if (args.Contains("--hanging-feed"))
{
    await HangingFeedReport.RunAsync(rounds);
}
else
{
    await PushToBusyReport.RunAsync(Option("--provider") ?? "google", rounds);
}
