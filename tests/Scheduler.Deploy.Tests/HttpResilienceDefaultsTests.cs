using Microsoft.Extensions.Http.Resilience;
using Scheduler.Grains.Calendars.CalDav;
using Scheduler.Grains.Calendars.Google;
using Scheduler.Grains.Calendars.Ics;
using Scheduler.Grains.Calendars.Microsoft;
using Scheduler.Grains.Notifications.Slack;

namespace Scheduler.Deploy.Tests;

/// <summary>
/// The service defaults give every factory client the standard resilience handler, and each outbound client of the grains
/// replaces it with its own: exactly one resilience handler per client, whichever is registered first.
/// </summary>
public sealed class HttpResilienceDefaultsTests : IDisposable
{
    private readonly string _keys = Directory.CreateTempSubdirectory("scheduler-keys-").FullName;

    public static TheoryData<bool> DefaultsFirst => new() { true, false };

    [Theory]
    [MemberData(nameof(DefaultsFirst))]
    public void EveryClient_HasExactlyOneResilienceHandler(bool defaultsFirst)
    {
        var builder = Host.CreateApplicationBuilder();
        if (defaultsFirst)
        {
            builder.AddServiceDefaults("test");
            builder.AddSchedulerGrainServices(_keys);
        }
        else
        {
            builder.AddSchedulerGrainServices(_keys);
            builder.AddServiceDefaults("test");
        }

        using var host = builder.Build();
        var handlers = host.Services.GetRequiredService<IHttpMessageHandlerFactory>();

        foreach (var name in new[] { GoogleHttp.HttpClientName, MicrosoftHttp.HttpClientName, IcsFeedReader.HttpClientName, CalDavClient.HttpClientName, CalDavClient.WriteHttpClientName, typeof(ISlackClient).Name, "any-other-client" })
        {
            Assert.True(ResilienceHandlers(handlers.CreateHandler(name)) == 1, $"{name}: {ResilienceHandlers(handlers.CreateHandler(name))} resilience handlers");
        }
    }

    public void Dispose() => Directory.Delete(_keys, recursive: true);

    private static int ResilienceHandlers(HttpMessageHandler handler)
    {
        var count = 0;
        for (var current = handler; current is DelegatingHandler delegating; current = delegating.InnerHandler)
        {
            count += current is ResilienceHandler ? 1 : 0;
        }

        return count;
    }
}
