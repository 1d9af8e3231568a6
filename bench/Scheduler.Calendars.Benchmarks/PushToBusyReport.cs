using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Scheduler.Grains.Calendars.Google;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Common;
using Scheduler.Grains.Hosting;
using Scheduler.Grains.Participants;
using Scheduler.Testing.StandIns.Google;
using Scheduler.Testing;

namespace Scheduler.Calendars.Benchmarks;

/// <summary>
/// Push notification to refreshed participant: an in-process silo with the product grains and the Google
/// connector, the tests' Google Calendar stand-in (local HTTP), a connected account watched by a push channel,
/// and an interviewer reading its primary calendar. Each round adds an event to the calendar (the stand-in
/// then delivers Google's <c>exists</c> push in process, as the webhook route would) and polls the participant's
/// busy time every millisecond until the event shows. The time covers our side (push verification, incremental
/// sync against the stand-in, invalidation of the participant, its next free/busy read); the provider's own
/// delay before sending a push is not part of it. Prints p50, p90, p99 and max.
/// </summary>
internal static class PushToBusyReport
{
    private const string Tenant = "bench";
    private const string Account = "grace@example.com";

    public static async Task RunAsync(int rounds)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var standIn = await GoogleStandIn.StartAsync(time);
        using var keys = new TempDirectory();
        await using var host = await TestSiloHost.StartAsync(
            silo => silo.AddSchedulerGrains(),
            time,
            services => services
                .AddCalendarSources()
                .AddGoogleCalendar(keys.Path, options =>
                {
                    options.ApiBaseUrl = standIn.ApiBaseUrl;
                    options.TokenUrl = standIn.TokenUrl;
                    options.AuthUrl = new Uri(standIn.ApiBaseUrl, "/auth");
                    options.ClientId = GoogleStandIn.ClientId;
                    options.ClientSecret = GoogleStandIn.ClientSecret;
                    options.RedirectUri = new Uri("https://scheduler.example.com/v1/oauth/google/callback");
                    options.WebhookUrl = new Uri("https://scheduler.example.com/webhooks/google");
                }));
        standIn.PushClient = new HttpClient(new GrainPushRouter(host.GrainFactory));
        standIn.AddCalendar("primary");
        await host.GrainFactory.GetGrain<ICalendarAccountGrain>(CalendarAccountKeys.For(Tenant, "google", Account)).Connect(standIn.IssueCredentials());
        var participant = host.GrainFactory.GetGrain<IParticipantGrain>(GrainKeys.For(Tenant, "ivy"));
        await participant.UpsertProfile(new ParticipantProfile("Ivy", "ivy@example.com", ParticipantKind.Interviewer, "UTC", [new WeeklyHours(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:00", "17:00")])
        {
            Calendars = [new CalendarSpec("google") { AccountId = Account }],
        });
        var window = new TimeRange(time.GetUtcNow(), time.GetUtcNow().AddDays(30));
        await participant.GetBusy(window); // the first read opens the channel and takes the baseline sync

        var samples = new List<double>(rounds);
        for (var round = 0; round < rounds + 10; round++)
        {
            var start = window.Start.AddHours(1 + round);
            var started = Stopwatch.GetTimestamp();
            await standIn.AddEventAsync("primary", $"event{round:D5}", start, start.AddMinutes(30));
            while (!(await participant.GetBusy(window)).Intervals.Any(i => i.Start == start))
            {
                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(10))
                {
                    throw new TimeoutException($"Round {round}: the event never showed in the participant's busy time.");
                }

                await Task.Delay(1);
            }

            if (round >= 10)
            {
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        samples.Sort();
        double At(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        Console.WriteLine($"push to refreshed participant, {samples.Count} rounds after 10 warm-up rounds:");
        Console.WriteLine($"p50 {At(0.50):0.0} ms, p90 {At(0.90):0.0} ms, p99 {At(0.99):0.0} ms, max {samples[^1]:0.0} ms");
    }
}
