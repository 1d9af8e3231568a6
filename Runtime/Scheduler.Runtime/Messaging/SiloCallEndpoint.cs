using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Scheduler.Runtime.Messaging;

/// <summary>The silo-to-silo endpoint: <c>POST /silo/v1/calls</c>, a JSON <see cref="GrainCallEnvelope"/> in, a JSON <see cref="GrainCallResponse"/> out.</summary>
public static class SiloCallEndpoint
{
    /// <summary>The endpoint's path, relative to a silo's advertised endpoint: <c>silo/v1/calls</c>.</summary>
    public const string Path = "silo/v1/calls";

    /// <summary>
    /// Maps the endpoint. It answers 200 with a <see cref="GrainCallResponse"/> (which carries the
    /// grain's exception, if any), 400 when the body is not an envelope, or 503 when the call did not
    /// run here and may be sent again (the silo is shutting down, or the owner it forwards to refused
    /// the connection). Serve it on a Kestrel
    /// endpoint with <c>HttpProtocols.Http2</c>: the callers speak HTTP/2 without TLS (prior
    /// knowledge), which Kestrel accepts only on HTTP/2-only endpoints. It carries no
    /// authentication: expose it only inside the cluster's network.
    /// </summary>
    /// <param name="endpoints">The application's route builder; the silo must use <see cref="Hosting.SiloBuilder.UseSiloTransport"/>.</param>
    /// <returns>The endpoint's convention builder.</returns>
    public static IEndpointConventionBuilder MapSiloCalls(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost("/" + Path, async (HttpContext context) =>
        {
            var handler = context.RequestServices.GetRequiredService<SiloCallHandler>();
            var codec = context.RequestServices.GetRequiredService<GrainCallCodec>();
            GrainCallEnvelope? envelope;
            try
            {
                envelope = await context.Request.ReadFromJsonAsync<GrainCallEnvelope>(codec.Options, context.RequestAborted);
            }
            catch (JsonException exception)
            {
                return Results.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest, title: "Not a grain call envelope");
            }

            if (envelope is null)
            {
                return Results.Problem("The body is empty.", statusCode: StatusCodes.Status400BadRequest, title: "Not a grain call envelope");
            }

            var response = await handler.HandleAsync(envelope, context.RequestAborted);
            return response is null
                ? Results.Problem("This silo does not run the call (it is shutting down, or the grain's owner refused it); send it again to the owner of the current view.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Call not run")
                : Results.Json(response, codec.Options);
        });
    }
}
