using Microsoft.Extensions.Configuration;
using Scheduler.Grains.Common;
using Scheduler.Grains.Notifications;
using Scheduler.Providers.Sqlite;
using Scheduler.Testing.StandIns.Slack;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>A test silo with the product grains and the real notification services, configured like production through <c>Smtp:</c> and <c>Slack:</c>.</summary>
internal sealed class NotificationTestHost : IAsyncDisposable
{
    public const string Tenant = "acme";

    private NotificationTestHost(TestSiloHost host) => Host = host;

    public TestSiloHost Host { get; }

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

    public INotificationOutboxGrain Outbox(string requestId) =>
        Host.GrainFactory.GetGrain<INotificationOutboxGrain>(GrainKeys.For(Tenant, requestId));

    public static string RequestKey(string requestId) => GrainKeys.For(Tenant, requestId);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
