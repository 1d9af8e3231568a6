using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Scheduler.Gateway.Tests;

/// <summary>The gateway in process with a Slack signing secret configured, so <c>/webhooks/slack</c> is live.</summary>
public sealed class SlackGatewayFactory(string dataDirectory) : WebApplicationFactory<Program>
{
    public const string SigningSecret = "slack-tests-signing-secret-8f14e45fceea167a";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Scheduler:DataDirectory", dataDirectory);
        GatewayFactory.UseFreeSiloPorts(builder);
        builder.UseSetting("Auth:SigningKey", GatewayFactory.SigningKey);
        builder.UseSetting("Scheduler:Demo", "false");
        builder.UseSetting("Slack:SigningSecret", SigningSecret);
        builder.UseEnvironment("Testing");
    }
}
