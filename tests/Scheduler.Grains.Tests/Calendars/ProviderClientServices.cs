namespace Scheduler.Grains.Tests.Calendars;

/// <summary>A calendar provider's clients wired as a silo wires them (without a silo), against the provider's stand-in.</summary>
/// <typeparam name="TStandIn">The stand-in.</typeparam>
internal abstract class ProviderClientServices<TStandIn> : IAsyncDisposable
    where TStandIn : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly TempDirectory _keys = new();

    /// <param name="standIn">The started stand-in.</param>
    /// <param name="time">The clock.</param>
    /// <param name="addProvider">Adds the provider (its <c>Add…Calendar</c>) with the data protection keys folder it is given.</param>
    protected ProviderClientServices(TStandIn standIn, TimeProvider time, Action<IServiceCollection, string> addProvider)
    {
        StandIn = standIn;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        addProvider(services, _keys.Path);
        _provider = services.BuildServiceProvider();
    }

    public TStandIn StandIn { get; }

    /// <summary>Creates <paramref name="calendars"/> on the stand-in (Google calendar ids, Microsoft mailboxes) and issues an access token as a consent would.</summary>
    public string AccessTokenFor(params string[] calendars)
    {
        foreach (var calendar in calendars)
        {
            AddCalendar(calendar);
        }

        return IssueCredentials().AccessToken;
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await StandIn.DisposeAsync();
        _keys.Dispose();
    }

    /// <summary>Creates an empty calendar on the stand-in.</summary>
    protected abstract void AddCalendar(string calendar);

    /// <summary>Issues tokens on the stand-in as a consent would.</summary>
    protected abstract CalendarCredentials IssueCredentials();

    protected T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();
}
