using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Scheduler.Deploy.Tests;

/// <summary>One OTLP export request as received.</summary>
internal sealed record OtlpRequest(string Path, string? ContentType, byte[] Body);

/// <summary>An OTLP/HTTP receiver: accepts what the OTLP specification says a collector accepts and keeps it.</summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public string Address { get; }

    public ConcurrentQueue<OtlpRequest> Requests { get; } = new();

    /// <summary>The trace export requests (<c>/v1/traces</c>).</summary>
    public List<OtlpRequest> Traces => [.. Requests.Where(r => r.Path == "/v1/traces")];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        OtlpReceiver? receiver = null;
        app.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver!.Requests.Enqueue(new OtlpRequest(context.Request.Path, context.Request.ContentType, body.ToArray()));

            // An empty Export*ServiceResponse: a protobuf message with no fields is zero bytes.
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new OtlpReceiver(app, address);
        return receiver;
    }

    /// <summary>Whether a protobuf body holds the text (protobuf keeps strings as UTF-8 bytes).</summary>
    public static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
