using Microsoft.Extensions.Configuration;
using Scheduler.Grains.Calendars.Google;
using Scheduler.Testing.StandIns.Google;

namespace Scheduler.Grains.Tests.Calendars.Google;

/// <summary>A test silo (fake clock) with the Google connector pointed at a <see cref="GoogleStandIn"/>, pushes routed back in process.</summary>
internal sealed class GoogleSilo(GoogleStandIn standIn, TestSiloHost host, TempDirectory keys, RecordingGrainStorage storage)
    : ProviderSilo(host, standIn, keys, AccountKey)
{
    public const string Account = "grace@example.com";
    public static readonly Uri WebhookUrl = new("https://scheduler.example.com/webhooks/google");

    public static string AccountKey => CalendarAccountKeys.For(GrainTestCluster.Tenant, "google", Account);

    public GoogleStandIn StandIn => standIn;

    public RecordingGrainStorage Storage => storage;

    public override HttpStatusCode PushAccepted => HttpStatusCode.OK;

    public override HttpStatusCode? LastPushStatus => StandIn.Pushes.LastOrDefault()?.Status;

    /// <summary>
    /// Starts the silo; with <paramref name="mailPickup"/>, the notification services too, writing each email there as an
    /// <c>.eml</c> file; <paramref name="configureSilo"/> adds to the silo (e.g. a grain call filter).
    /// </summary>
    public static async Task<GoogleSilo> StartAsync(bool watch = true, string? mailPickup = null, Action<ISiloBuilder>? configureSilo = null)
    {
        var time = new FakeTimeProvider(GrainTestCluster.Start);
        var standIn = await GoogleStandIn.StartAsync(time);
        var storage = new RecordingGrainStorage();
        var keys = new TempDirectory();
        var host = await StartHostAsync(
            time,
            keys,
            silo =>
            {
                silo.AddSchedulerGrains();
                storage.RegisterAsDefault(silo);
                configureSilo?.Invoke(silo);
            },
            (services, keysPath) =>
            {
                services.AddGoogleCalendar(keysPath, options => Configure(options, standIn, watch));
                if (mailPickup is not null)
                {
                    services.AddSchedulerNotifications(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                    {
                        ["Smtp:Host"] = "127.0.0.1",
                        ["Smtp:PickupDirectory"] = mailPickup,
                        ["Smtp:FromAddress"] = "scheduler@acme.example",
                    }).Build());
                }
            });
        standIn.PushClient = new HttpClient(new GrainPushRouter(host.GrainFactory));
        return new GoogleSilo(standIn, host, keys, storage);
    }

    public static void Configure(GoogleOptions options, GoogleStandIn standIn, bool watch = true)
    {
        options.ApiBaseUrl = standIn.ApiBaseUrl;
        options.TokenUrl = standIn.TokenUrl;
        options.AuthUrl = new Uri(standIn.ApiBaseUrl, "/auth");
        options.ClientId = GoogleStandIn.ClientId;
        options.ClientSecret = GoogleStandIn.ClientSecret;
        options.RedirectUri = new Uri("https://scheduler.example.com/v1/oauth/google/callback");
        options.WebhookUrl = watch ? WebhookUrl : null;
        options.MaxRetries = 2;
        options.RetryBaseDelay = TimeSpan.Zero;
    }

    /// <summary>Connects the account and makes an interviewer who reads the primary calendar, once read for the coming weeks.</summary>
    public override Task<IParticipantGrain> ConnectInterviewerAsync(string participantId) => ConnectInterviewerAsync(participantId, []);

    /// <summary>Adds an event to the primary calendar.</summary>
    public override Task AddEventAsync(string eventId, DateTimeOffset start, DateTimeOffset end, string? inviteUid = null) => StandIn.AddEventAsync("primary", eventId, start, end, iCalUid: inviteUid);

    /// <summary>Connects the account with fresh stand-in tokens and makes an interviewer who reads the given calendars (primary when none).</summary>
    public async Task<IParticipantGrain> ConnectInterviewerAsync(string participantId, params string[] calendarIds)
    {
        foreach (var id in calendarIds.DefaultIfEmpty("primary"))
        {
            StandIn.AddCalendar(id);
        }

        await AccountGrain.Connect(StandIn.IssueCredentials());
        var participant = Grains.Participant(participantId);
        await participant.UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer) with
        {
            Calendars = [new CalendarSpec("google") { AccountId = Account, CalendarIds = calendarIds }],
        });

        // Saving the profile starts reading the coming weeks; a question within them waits for that read to end.
        var now = Time.GetUtcNow();
        await participant.GetBusy(new TimeRange(now, now.AddDays(1)));
        return participant;
    }
}
