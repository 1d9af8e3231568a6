using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Scheduler.Testing;

namespace Scheduler.Deploy.Tests;

/// <summary>What the gateway's traces hold: an action link's token is a credential and stays out of them.</summary>
public sealed class GatewayTelemetryTests
{
    [Fact]
    public async Task ActionLinkPage_Traced_WithTheRouteShapeAndWithoutTheToken()
    {
        const string Token = "CfDJ8TokenThatMustNotBeExported0123456789";
        var dataDirectory = Directory.CreateTempSubdirectory("scheduler-deploy-tests-").FullName;
        try
        {
            await using var receiver = await OtlpReceiver.StartAsync();
            var ports = FreePort.Take(2);
            var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Testing");
                builder.UseSetting("Scheduler:DataDirectory", dataDirectory);
                builder.UseSetting("Auth:SigningKey", "deploy-tests-signing-key-0123456789abcdef");
                builder.UseSetting("Cluster:SiloPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
                builder.UseSetting("Cluster:GatewayPort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
                builder.UseSetting("Telemetry:OtlpEndpoint", receiver.Address);
                builder.UseSetting("Telemetry:OtlpProtocol", "http/protobuf");
            });
            await using (factory)
            {
                using var client = factory.CreateClient();
                var page = await client.GetStringAsync(new Uri("/act/" + Token, UriKind.Relative));
                Assert.Contains("not valid", page, StringComparison.Ordinal);
            }

            // Stopping the host flushed the traces.
            var traces = receiver.Traces;
            Assert.Contains(traces, r => OtlpReceiver.Contains(r.Body, "/act/{token}"));
            Assert.DoesNotContain(traces, r => OtlpReceiver.Contains(r.Body, Token));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
