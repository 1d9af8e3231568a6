using Scheduler.Testing.StandIns.Microsoft;

namespace Scheduler.Grains.Tests.Calendars.Microsoft;

/// <summary>A test silo (fake clock) with the Microsoft connector pointed at a <see cref="GraphStandIn"/>, notifications routed back in process.</summary>
internal sealed class GraphSilo(GraphStandIn standIn, TestSiloHost host, TempDirectory keys, GraphPushRouter router)
    : ProviderSilo(host, standIn, keys, AccountKey)
{
    public const string Account = "contoso";
    public const string Mailbox = "grace@contoso.example";
    public static readonly Uri WebhookUrl = new("https://scheduler.example.com/webhooks/microsoft");

    public static string AccountKey => CalendarAccountKeys.For(GrainTestCluster.Tenant, "microsoft", Account);

    public GraphStandIn StandIn => standIn;

    public GraphPushRouter Router => router;

    public override HttpStatusCode PushAccepted => HttpStatusCode.Accepted;

    public override HttpStatusCode? LastPushStatus => StandIn.Deliveries.LastOrDefault()?.Status;

    /// <summary>Starts the silo; <paramref name="configureSilo"/> adds to the silo (e.g. a grain call filter).</summary>
    public static async Task<GraphSilo> StartAsync(bool watch = true, Action<ISiloBuilder>? configureSilo = null)
    {
        var time = new FakeTimeProvider(GrainTestCluster.Start);
        var standIn = await GraphStandIn.StartAsync(time);
        var keys = new TempDirectory();
        var host = await StartHostAsync(
            time,
            keys,
            silo =>
            {
                silo.AddSchedulerGrains();
                configureSilo?.Invoke(silo);
            },
            (services, keysPath) => services.AddMicrosoftCalendar(keysPath, options => Configure(options, standIn, watch)));
        var router = new GraphPushRouter(host.GrainFactory);
        standIn.PushClient = new HttpClient(router);
        return new GraphSilo(standIn, host, keys, router);
    }

    public static void Configure(MicrosoftOptions options, GraphStandIn standIn, bool watch = true)
    {
        options.GraphBaseUrl = standIn.GraphBaseUrl;
        options.AuthorityHost = standIn.AuthorityHost;
        options.TenantId = GraphStandIn.Tenant;
        options.ClientId = GraphStandIn.ClientId;
        options.ClientSecret = GraphStandIn.ClientSecret;
        options.RedirectUri = new Uri("https://scheduler.example.com/v1/oauth/microsoft/callback");
        options.WebhookUrl = watch ? WebhookUrl : null;
        options.MaxRetries = 3;
        options.RetryBaseDelay = TimeSpan.Zero;
    }

    /// <summary>Connects the account with fresh stand-in tokens and makes an interviewer who reads <see cref="Mailbox"/>.</summary>
    public override async Task<IParticipantGrain> ConnectInterviewerAsync(string participantId)
    {
        StandIn.AddMailbox(Mailbox);
        await AccountGrain.Connect(StandIn.IssueCredentials());
        var participant = Grains.Participant(participantId);
        await participant.UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer) with
        {
            Calendars = [new CalendarSpec("microsoft") { AccountId = Account, Mailbox = Mailbox }],
        });
        return participant;
    }

    /// <summary>Adds an event to <see cref="Mailbox"/> (Graph chooses the id).</summary>
    public override Task AddEventAsync(string eventId, DateTimeOffset start, DateTimeOffset end, string? inviteUid = null) => StandIn.AddEventAsync(Mailbox, start, end, inviteUid: inviteUid);
}
