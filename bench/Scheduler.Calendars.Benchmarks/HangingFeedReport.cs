using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Common;
using Scheduler.Grains.Hosting;
using Scheduler.Grains.Participants;
using Scheduler.Testing;

namespace Scheduler.Calendars.Benchmarks;

/// <summary>
/// A participant whose iCalendar feed stops answering: an in-process silo on the system clock, a local feed server
/// that serves one event until it is told to hang (accept, never answer), and an interviewer reading that feed with
/// a 1-second poll interval. Measures the latency of the participant's busy and profile reads in three phases:
/// the feed answering, the feed hanging, and the feed hanging for longer than one read may last. Prints p50, p99 and
/// max per phase, and how many reads timed out (the call did not answer within 10 s).
/// </summary>
internal static class HangingFeedReport
{
    private const string Feed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nBEGIN:VEVENT\r\nUID:e1\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260106T100000Z\r\nDTEND:20260106T110000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    public static async Task RunAsync(int rounds)
    {
        var hang = false;
        await using var feeds = await LocalServer.StartAsync(app => app.MapGet("/feed.ics", async (HttpContext context) =>
        {
            if (Volatile.Read(ref hang))
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }

            return Results.Text(Feed, "text/calendar");
        }));
        var url = feeds.Url("feed.ics").AbsoluteUri;

        var time = TimeProvider.System;
        await using var host = await TestSiloHost.StartAsync(
            silo => silo.AddSchedulerGrains(),
            configureServices: services =>
            {
                services.AddSingleton(time);
                services.AddCalendarSources(options =>
                {
                    options.IcsPollInterval = TimeSpan.FromSeconds(1);
                    options.AllowPrivateNetworks = true;
                    options.RequestTimeout = TimeSpan.FromSeconds(5);
                    options.MaxRetries = 1;
                });
            });
        var participant = host.GrainFactory.GetGrain<IParticipantGrain>(GrainKeys.For("bench", "ivy"));
        await participant.UpsertProfile(new ParticipantProfile("Ivy", "ivy@example.com", ParticipantKind.Interviewer, "UTC", [new WeeklyHours(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:00", "17:00")])
        {
            Calendars = [new CalendarSpec("ics") { Url = url }],
        });
        var window = new TimeRange(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 12, 0, 0, 0, TimeSpan.Zero));
        await participant.GetBusy(window);

        Console.WriteLine("| phase | reads | busy p50 | busy p99 | busy max | profile p99 | timed out |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        await PhaseAsync("feed answering", participant, window, rounds);
        Volatile.Write(ref hang, true);
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await PhaseAsync("feed hanging (first 30 s)", participant, window, rounds);
        await PhaseAsync("feed still hanging (next 30 s)", participant, window, rounds);
    }

    /// <summary>Reads busy time and the profile alternately for 30 s (at most <paramref name="rounds"/> pairs), 100 ms apart.</summary>
    private static async Task PhaseAsync(string phase, IParticipantGrain participant, TimeRange window, int rounds)
    {
        List<double> busy = [];
        List<double> profile = [];
        var timedOut = 0;
        var started = Stopwatch.GetTimestamp();
        for (var round = 0; round < rounds && Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30); round++)
        {
            busy.Add(await TimeAsync(() => participant.GetBusy(window), () => timedOut++));
            profile.Add(await TimeAsync(participant.GetProfile, () => timedOut++));
            await Task.Delay(100);
        }

        busy.Sort();
        profile.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {phase} | {busy.Count} | {Quantile(busy, 0.5):0.0} ms | {Quantile(busy, 0.99):0.0} ms | {busy[^1]:0.0} ms | {Quantile(profile, 0.99):0.0} ms | {timedOut} |"));
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> call, Action onTimeout)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException)
        {
            onTimeout();
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Quantile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
