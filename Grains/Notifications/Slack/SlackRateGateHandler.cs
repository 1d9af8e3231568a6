using System.Net;

namespace Scheduler.Grains.Notifications.Slack;

/// <summary>
/// The outermost handler of the Slack client: each call waits for its channel's slot at the <see cref="SlackRateGate"/>
/// before the resilience pipeline, so a queue of messages to one channel (one per second) never runs into the attempt
/// timeout or opens the circuit for every channel; the pipeline's retries honour <c>Retry-After</c>. A call that still
/// ends in 429 closes the channel for its <c>Retry-After</c> (seconds; 1 s when missing), so every message to that
/// channel waits, not only the one refused.
/// </summary>
/// <param name="gate">The per-channel spacing shared by the process.</param>
/// <param name="logger">Where rate limits are logged.</param>
public sealed partial class SlackRateGateHandler(SlackRateGate gate, ILogger<SlackRateGateHandler> logger) : DelegatingHandler
{
    /// <summary>The request option naming the channel (or user) id a call posts to; calls without it are not spaced.</summary>
    public static readonly HttpRequestOptionsKey<string> Channel = new("Scheduler.SlackChannel");

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(Channel, out var channel))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        await gate.WaitAsync(channel, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            gate.Block(channel, retryAfter);
            RateLimited(logger, request.RequestUri?.AbsolutePath ?? string.Empty, channel, retryAfter.TotalSeconds);
        }

        return response;
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Slack {Method} to {Channel} rate limited for {Seconds} s")]
    private static partial void RateLimited(ILogger logger, string method, string channel, double seconds);
}
