using Microsoft.Extensions.Options;

namespace Scheduler.Gateway.Tests;

/// <summary>Bad configuration stops the gateway at start-up with a message naming each wrong key; nothing is served.</summary>
public sealed class ConfigurationValidationTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Start_OutOfRangeSettings_FailsNamingEachKey()
    {
        using var gateway = new GatewayFactory(_data.Path, new Dictionary<string, string?>
        {
            ["Scheduler:BatchParallelism"] = "0",
            ["Auth:TokenLifetimeMinutes"] = "20000",
            ["Smtp:Port"] = "70000",
            ["Notifications:Outbox:RetryBaseSeconds"] = "600",
            ["Notifications:Outbox:RetryMaxSeconds"] = "60",
            ["Calendars:RequestTimeout"] = "00:00:00",
        });

        var failure = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        var messages = Flatten(failure).OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Contains(messages, m => m.StartsWith("Scheduler:BatchParallelism:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Auth:TokenLifetimeMinutes:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Smtp:Port:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Notifications:Outbox:RetryMaxSeconds: Must be at least RetryBaseSeconds (600).", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Calendars:RequestTimeout:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("scheduler.example.com", "Links:BaseUrl: Must be an absolute https address")]
    [InlineData("http://scheduler.example.com/", "Links:BaseUrl: Must use https")]
    public void Start_ActionLinkAddressNotHttps_FailsNamingTheKey(string baseUrl, string expected)
    {
        using var gateway = new GatewayFactory(_data.Path, new Dictionary<string, string?> { ["Links:BaseUrl"] = baseUrl });

        var failure = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        var messages = Flatten(failure).OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Contains(messages, m => m.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_DefaultSettings_Valid()
    {
        await using var gateway = new GatewayFactory(_data.Path);

        var response = await gateway.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        yield return exception;
        var inner = exception is AggregateException aggregate ? aggregate.InnerExceptions : exception.InnerException is { } one ? [one] : [];
        foreach (var child in inner.SelectMany(Flatten))
        {
            yield return child;
        }
    }
}
