using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Common;
using Scheduler.Grains.Participants;
using Scheduler.Testing;

namespace Scheduler.Calendars.Benchmarks;

/// <summary>
/// Push notification to refreshed participant, per provider (<see cref="PushedCalendar"/>): a connected account watched
/// by a push channel (Google) or subscription (Microsoft Graph), and an interviewer reading its default calendar. Each
/// round adds an event to the calendar (the stand-in then delivers the provider's notification in process, as the webhook
/// route would) and polls the participant's busy time every millisecond until the event shows. The time covers our side
/// (notification verification, incremental sync against the stand-in, invalidation of the participant, its next free/busy
/// read); the provider's own delay before sending a notification is not part of it. Prints p50, p90, p99 and max.
/// </summary>
internal static class PushToBusyReport
{
    private const int WarmUpRounds = 10;

    /// <summary>Runs <paramref name="rounds"/> measured rounds after the warm-up against <paramref name="provider"/>.</summary>
    /// <exception cref="TimeoutException">An event did not show within 10 s, or the account never finished its first sync.</exception>
    public static async Task RunAsync(string provider, int rounds)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        using var keys = new TempDirectory();
        await using var calendar = await PushedCalendar.StartAsync(provider, time, keys.Path);
        var grains = calendar.Host.GrainFactory;
        var participant = grains.GetGrain<IParticipantGrain>(GrainKeys.For(PushedCalendar.TenantId, "ivy"));
        await participant.UpsertProfile(new ParticipantProfile("Ivy", "ivy@example.com", ParticipantKind.Interviewer, "UTC", [new WeeklyHours(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:00", "17:00")])
        {
            Calendars = [calendar.Calendar],
        });
        var window = new TimeRange(time.GetUtcNow(), time.GetUtcNow().AddDays(30));
        await participant.GetBusy(window); // the first read opens the channel and takes the baseline sync
        var account = grains.GetGrain<ICalendarAccountGrain>(calendar.AccountKey);
        await TestSiloHost.WaitForAsync(account.GetView, view => view.SyncedCalendars.Count == 1);

        var samples = new List<double>(rounds);
        for (var round = 0; round < rounds + WarmUpRounds; round++)
        {
            var start = window.Start.AddHours(1 + round);
            var started = Stopwatch.GetTimestamp();
            await calendar.AddEventAsync($"event{round:D5}", start, start.AddMinutes(30));
            while (!(await participant.GetBusy(window)).Intervals.Any(i => i.Start == start))
            {
                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(10))
                {
                    throw new TimeoutException($"Round {round}: the event never showed in the participant's busy time.");
                }

                await Task.Delay(1);
            }

            if (round >= WarmUpRounds)
            {
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        samples.Sort();
        double At(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        Console.WriteLine($"{provider}: push to refreshed participant, {samples.Count} rounds after {WarmUpRounds} warm-up rounds:");
        Console.WriteLine($"p50 {At(0.50):0.0} ms, p90 {At(0.90):0.0} ms, p99 {At(0.99):0.0} ms, max {samples[^1]:0.0} ms");
    }
}
