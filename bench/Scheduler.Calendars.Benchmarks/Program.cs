using Scheduler.Calendars.Benchmarks;

// --rounds N: measured rounds (default 500). --hanging-feed: the participant reads while its feed hangs.
var index = Array.IndexOf(args, "--rounds");
var rounds = index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var parsed) ? parsed : 500;
if (args.Contains("--hanging-feed"))
{
    await HangingFeedReport.RunAsync(rounds);
}
else
{
    await PushToBusyReport.RunAsync(rounds);
}
