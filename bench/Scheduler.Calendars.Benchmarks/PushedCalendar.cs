using Microsoft.Extensions.Time.Testing;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Calendars.Google;
using Scheduler.Grains.Calendars.Microsoft;
using Scheduler.Grains.Hosting;
using Scheduler.Grains.Participants;
using Scheduler.Testing;
using Scheduler.Testing.StandIns.Google;
using Scheduler.Testing.StandIns.Microsoft;

namespace Scheduler.Calendars.Benchmarks;

/// <summary>
/// An in-process silo (product grains, fake clock) with one provider's connector pointed at the tests' stand-in on
/// loopback, the stand-in's push deliveries routed back in process as the gateway's webhook route would, and one
/// connected account: what <see cref="PushToBusyReport"/> measures for each provider.
/// </summary>
/// <param name="Host">The started silo.</param>
/// <param name="AccountKey">The connected account's grain key.</param>
/// <param name="Calendar">The calendar a participant reads (the account's default calendar).</param>
/// <param name="AddEventAsync">Adds an event (id, start, end) as its owner would, which pushes a change.</param>
/// <param name="StandIn">The stand-in, stopped after the silo.</param>
internal sealed record PushedCalendar(
    TestSiloHost Host,
    string AccountKey,
    CalendarSpec Calendar,
    Func<string, DateTimeOffset, DateTimeOffset, Task> AddEventAsync,
    IAsyncDisposable StandIn) : IAsyncDisposable
{
    private const string Tenant = "bench";
    private static readonly Uri Public = new("https://scheduler.example.com/");

    /// <summary>The tenant the account and participants belong to.</summary>
    public static string TenantId => Tenant;

    /// <summary>Starts <paramref name="provider"/> (<c>google</c> or <c>microsoft</c>) with its keys in <paramref name="keysPath"/>.</summary>
    /// <exception cref="ArgumentException">Another provider name.</exception>
    public static Task<PushedCalendar> StartAsync(string provider, FakeTimeProvider time, string keysPath) => provider switch
    {
        "google" => StartGoogleAsync(time, keysPath),
        "microsoft" => StartMicrosoftAsync(time, keysPath),
        _ => throw new ArgumentException($"Unknown provider '{provider}': google or microsoft.", nameof(provider)),
    };

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await StandIn.DisposeAsync();
    }

    private static async Task<PushedCalendar> StartGoogleAsync(FakeTimeProvider time, string keysPath)
    {
        const string account = "grace@example.com";
        var standIn = await GoogleStandIn.StartAsync(time);
        var host = await TestSiloHost.StartAsync(silo => silo.AddSchedulerGrains(), time, services => services
            .AddCalendarSources()
            .AddGoogleCalendar(keysPath, options =>
            {
                options.ApiBaseUrl = standIn.ApiBaseUrl;
                options.TokenUrl = standIn.TokenUrl;
                options.AuthUrl = new Uri(standIn.ApiBaseUrl, "/auth");
                options.ClientId = GoogleStandIn.ClientId;
                options.ClientSecret = GoogleStandIn.ClientSecret;
                options.RedirectUri = new Uri(Public, "v1/oauth/google/callback");
                options.WebhookUrl = new Uri(Public, "webhooks/google");
            }));
        standIn.PushClient = new HttpClient(new GrainPushRouter(host.GrainFactory));
        standIn.AddCalendar("primary");
        var key = CalendarAccountKeys.For(Tenant, "google", account);
        await host.GrainFactory.GetGrain<ICalendarAccountGrain>(key).Connect(standIn.IssueCredentials());
        return new PushedCalendar(host, key, new CalendarSpec("google") { AccountId = account }, (id, start, end) => standIn.AddEventAsync("primary", id, start, end), standIn);
    }

    private static async Task<PushedCalendar> StartMicrosoftAsync(FakeTimeProvider time, string keysPath)
    {
        const string account = "contoso";
        const string mailbox = "grace@contoso.example";
        var standIn = await GraphStandIn.StartAsync(time);
        var host = await TestSiloHost.StartAsync(silo => silo.AddSchedulerGrains(), time, services => services
            .AddCalendarSources()
            .AddMicrosoftCalendar(keysPath, options =>
            {
                options.GraphBaseUrl = standIn.GraphBaseUrl;
                options.AuthorityHost = standIn.AuthorityHost;
                options.TenantId = GraphStandIn.Tenant;
                options.ClientId = GraphStandIn.ClientId;
                options.ClientSecret = GraphStandIn.ClientSecret;
                options.RedirectUri = new Uri(Public, "v1/oauth/microsoft/callback");
                options.WebhookUrl = new Uri(Public, "webhooks/microsoft");
            }));
        standIn.PushClient = new HttpClient(new GraphPushRouter(host.GrainFactory));
        standIn.AddMailbox(mailbox);
        var key = CalendarAccountKeys.For(Tenant, "microsoft", account);
        await host.GrainFactory.GetGrain<ICalendarAccountGrain>(key).Connect(standIn.IssueCredentials());
        return new PushedCalendar(host, key, new CalendarSpec("microsoft") { AccountId = account, Mailbox = mailbox }, (_, start, end) => standIn.AddEventAsync(mailbox, start, end), standIn);
    }
}
