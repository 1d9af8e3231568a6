using Scheduler.Grains.Calendars.CalDav;
using Scheduler.Grains.Calendars.Ics;

namespace Scheduler.Grains.Tests.Calendars;

/// <summary>The calendar sources wired as a silo wires them, on a fake clock, without a silo.</summary>
internal sealed class CalendarServices : IDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(5);

    private readonly ServiceProvider _provider;

    public CalendarServices(Action<CalendarSourceOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddCalendarSources(options =>
        {
            Configure(options);
            configure?.Invoke(options);
        });
        _provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new();

    public IcsBusySource Ics => _provider.GetRequiredService<IcsBusySource>();

    public CalDavBusySource CalDav => _provider.GetRequiredService<CalDavBusySource>();

    public CalDavClient CalDavClient => _provider.GetRequiredService<CalDavClient>();

    /// <summary>
    /// Test settings: fixed poll interval, one retry without delay (the fake clock does not run by itself), local servers
    /// allowed, and answers that wait up to 5 s for a read, so a busy test machine never makes a read look slow.
    /// </summary>
    public static void Configure(CalendarSourceOptions options)
    {
        options.IcsPollInterval = PollInterval;
        options.CalDavPollInterval = PollInterval;
        options.MaxRetries = 1;
        options.RetryBaseDelay = TimeSpan.Zero;
        options.FileFeedRoot = FixtureFolder.Ics;
        options.AllowPrivateNetworks = true;
        options.AnswerWait = TimeSpan.FromSeconds(5);
    }

    public void Dispose() => _provider.Dispose();
}
