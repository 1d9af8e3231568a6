using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Messaging;

/// <summary>
/// Sends grain calls to other silos: <c>POST {endpoint}silo/v1/calls</c> with a JSON
/// <see cref="GrainCallEnvelope"/>, over HTTP/2 without TLS (prior knowledge, h2c), so one
/// connection per silo pair multiplexes every concurrent call. No retries: a call that may have
/// reached the other silo is never sent twice; a failure that proves the call was not delivered
/// (connection refused or not established, or 503 from a silo that no longer serves) is raised as
/// <see cref="SiloUnavailableException"/> with <see cref="SiloUnavailableException.NotDelivered"/>,
/// which <see cref="RoutedCallSender"/> retries.
/// </summary>
internal sealed class RemoteSiloClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly JsonSerializerOptions _json;

    public RemoteSiloClient(TimeSpan callTimeout, JsonSerializerOptions json)
    {
        _json = json;
        _http = new HttpClient(new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        {
            Timeout = callTimeout,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>Sends a call and returns the other silo's response.</summary>
    /// <exception cref="SiloUnavailableException">The silo could not be reached or did not answer 200 (<see cref="SiloUnavailableException.NotDelivered"/> when the call certainly did not run).</exception>
    /// <exception cref="TimeoutException">No response within the call timeout.</exception>
    public async Task<GrainCallResponse> SendAsync(SiloAddress silo, GrainCallEnvelope envelope, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(silo.Endpoint, SiloCallEndpoint.Path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = JsonContent.Create(envelope, options: _json),
        };
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                throw new SiloUnavailableException($"Silo {silo.Name} at {silo.Endpoint} no longer serves calls (503); call {envelope.CallId} did not run.", notDelivered: true);
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new SiloUnavailableException($"Silo {silo.Name} at {silo.Endpoint} answered {(int)response.StatusCode} to call {envelope.CallId}.");
            }

            return await response.Content.ReadFromJsonAsync<GrainCallResponse>(_json, cancellationToken).ConfigureAwait(false)
                ?? throw new SiloUnavailableException($"Silo {silo.Name} sent an empty response to call {envelope.CallId}.");
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw new SiloUnavailableException($"Silo {silo.Name} at {silo.Endpoint} refused the connection; call {envelope.CallId} was not sent.", notDelivered: true, exception);
        }
        catch (HttpRequestException exception)
        {
            throw new SiloUnavailableException($"Silo {silo.Name} at {silo.Endpoint} is unreachable.", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Call {envelope.CallId} to silo {silo.Name} got no response within {_http.Timeout}.", exception);
        }
    }

    public void Dispose() => _http.Dispose();
}
