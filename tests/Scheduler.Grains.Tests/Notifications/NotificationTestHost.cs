using Microsoft.Extensions.Configuration;
using Scheduler.Providers.Sqlite;
using Scheduler.Testing.StandIns.Slack;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>A test silo with the product grains and the real notification services, configured like production through <c>Smtp:</c> and <c>Slack:</c>.</summary>
internal sealed class NotificationTestHost : IAsyncDisposable
{
    public const string Tenant = GrainTestCluster.Tenant;

    /// <summary>Thu 8 Jan to Sat 10 Jan 2026: the first slot is Thu 8 Jan 09:00–10:00 UTC, so both reminders lie ahead.</summary>
    public static readonly TimeRange Window = new(GrainTestCluster.Start.AddDays(3).AddHours(-9), GrainTestCluster.Start.AddDays(5).AddHours(-9));

    /// <summary>Mon 12 Jan to Wed 14 Jan 2026, the week after <see cref="Window"/>: where a reschedule moves the interview.</summary>
    public static readonly TimeRange LaterWindow = new(GrainTestCluster.Start.AddDays(7).AddHours(-9), GrainTestCluster.Start.AddDays(9).AddHours(-9));

    private NotificationTestHost(TestSiloHost host) => Host = host;

    public TestSiloHost Host { get; }

    public IGrainFactory Grains => Host.GrainFactory;

    public FakeTimeProvider Time => Host.Time;

    /// <summary>Starts the silo; <paramref name="smtpPort"/> is the SMTP server's port, or, when <see langword="null"/>, a free port nothing listens on (email attempts fail to connect).</summary>
    public static async Task<NotificationTestHost> StartAsync(int? smtpPort = null, Uri? slackBaseUrl = null, string? sqlitePath = null, FakeTimeProvider? time = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = (smtpPort ?? FreePort.Next()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:EnableSsl"] = "false",
            ["Smtp:FromAddress"] = "scheduler@acme.example",
            ["Smtp:FromName"] = "Acme Scheduler",
            ["Smtp:TimeoutSeconds"] = "10",
            ["Slack:BaseUrl"] = (slackBaseUrl ?? new Uri("http://127.0.0.1:9/api/")).AbsoluteUri,
            ["Slack:BotToken"] = SlackStandIn.Token,
            ["Slack:MaxRetries"] = "2",
            ["Notifications:Outbox:RetryBaseSeconds"] = "30",
            ["Notifications:Outbox:ReminderPeriodSeconds"] = "60",
        }).AddInMemoryCollection(overrides ?? new Dictionary<string, string?>()).Build();
        var host = await TestSiloHost.StartAsync(
            silo =>
            {
                silo.AddSchedulerGrains();
                if (sqlitePath is not null)
                {
                    silo.AddSqliteGrainStorageAsDefault(o => o.DatabasePath = sqlitePath);
                    silo.UseSqliteReminderService(o => o.DatabasePath = sqlitePath);
                }
            },
            time,
            configureServices: services => services.AddSchedulerNotifications(configuration));
        return new NotificationTestHost(host);
    }

    /// <summary>Starts the silo with Slack at <paramref name="slack"/>, posting without spacing between messages of a channel.</summary>
    public static Task<NotificationTestHost> StartWithSlackAsync(SlackStandIn slack, string? sqlitePath = null, FakeTimeProvider? time = null) =>
        StartAsync(slackBaseUrl: slack.BaseUrl, sqlitePath: sqlitePath, time: time, overrides: new Dictionary<string, string?> { ["Slack:ChannelIntervalMilliseconds"] = "0" });

    /// <summary>
    /// Adds the candidate <c>cand-1</c> (Ada, Berlin, free around the clock on weekdays) and the interviewer <c>int-1</c>
    /// (Grace, 09:00–17:00 in <paramref name="interviewerZone"/>), and submits an auto-booked one-hour screen in <see cref="Window"/>.
    /// </summary>
    public async Task<IInterviewRequestGrain> SubmitAutoBookAsync(string requestId, string interviewerZone, string? interviewerSlackId = null)
    {
        await Grains.Participant("cand-1").UpsertProfile(
            new ParticipantProfile("Ada Lovelace", NotificationSamples.CandidateMail, ParticipantKind.Candidate, "Europe/Berlin", [new WeeklyHours(["Mon", "Tue", "Wed", "Thu", "Fri"], "00:00", "23:59")]));
        await Grains.Participant("int-1").UpsertProfile(
            new ParticipantProfile("Grace Hopper", NotificationSamples.InterviewerMail, ParticipantKind.Interviewer, interviewerZone, [new WeeklyHours(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:00", "17:00")])
            {
                SlackUserId = interviewerSlackId,
            });
        var request = Grains.Request(requestId);
        await request.Submit(new InterviewRequestSpec("cand-1", [new StageSpec("screen", 60, ["int-1"])], Window) { Mode = SchedulingMode.AutoBook });
        return request;
    }

    /// <summary>
    /// Adds <paramref name="members"/> as interviewers (working Mondays in <paramref name="zone"/>, Slack id <c>U-{MEMBER}</c>),
    /// pools them as <c>backend</c> (round robin) and opens the offer <c>offer-1</c> of <c>req-1</c> to all of them for the hour from <paramref name="start"/>.
    /// </summary>
    public async Task<IInterviewerPoolGrain> OfferAsync(string[] members, string zone, DateTimeOffset start)
    {
        foreach (var member in members)
        {
            await Grains.Participant(member).UpsertProfile(
                new ParticipantProfile($"Person {member}", $"{member}@acme.example", ParticipantKind.Interviewer, zone, [new WeeklyHours(["Mon"], "09:00", "17:00")])
                {
                    SlackUserId = "U-" + member.ToUpperInvariant(),
                });
        }

        var pool = Grains.Pool("backend");
        await pool.Upsert(new PoolDefinition(members, PoolStrategy.RoundRobin));
        await pool.Offer(new OfferSpec("offer-1", "req-1", new TimeRange(start, start.AddHours(1)), members));
        return pool;
    }

    /// <summary>Polls the request's reminder rows (real time, at most 20 s) until <paramref name="condition"/> holds of them.</summary>
    public async Task<IReadOnlyList<ReminderEntry>> WaitForRemindersAsync(IInterviewRequestGrain request, Func<IReadOnlyList<ReminderEntry>, bool> condition)
    {
        var table = Host.Services.GetRequiredService<IReminderTable>();
        return await TestSiloHost.WaitForAsync<IReadOnlyList<ReminderEntry>>(
            async () => [.. (await table.ReadRows(request.GetGrainId())).Reminders],
            condition,
            TimeSpan.FromSeconds(20),
            rows => $"reminders [{string.Join(", ", rows.Select(r => $"{r.ReminderName} at {r.StartAt:O}"))}]");
    }

    public INotificationOutboxGrain Outbox(string requestId) => Grains.GetGrain<INotificationOutboxGrain>(GrainTestCluster.RequestKey(requestId));

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
