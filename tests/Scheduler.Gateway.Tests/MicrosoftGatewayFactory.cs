using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Scheduler.Testing.StandIns.Microsoft;

namespace Scheduler.Gateway.Tests;

/// <summary>The gateway in process with the Microsoft connector pointed at a <see cref="GraphStandIn"/>; the webhook is the in-process <c>/webhooks/microsoft</c>.</summary>
internal sealed class MicrosoftGatewayFactory(string dataDirectory, GraphStandIn standIn) : WebApplicationFactory<Program>
{
    public const string WebhookUrl = "https://localhost/webhooks/microsoft";
    public const string RedirectUri = "http://localhost/v1/oauth/microsoft/callback";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Scheduler:DataDirectory", dataDirectory);
        GatewayFactory.UseFreeSiloPorts(builder);
        builder.UseSetting("Auth:SigningKey", GatewayFactory.SigningKey);
        builder.UseSetting("Scheduler:Demo", "false");
        builder.UseSetting("Microsoft:GraphBaseUrl", standIn.GraphBaseUrl.AbsoluteUri);
        builder.UseSetting("Microsoft:AuthorityHost", standIn.AuthorityHost.AbsoluteUri);
        builder.UseSetting("Microsoft:TenantId", GraphStandIn.Tenant);
        builder.UseSetting("Microsoft:ClientId", GraphStandIn.ClientId);
        builder.UseSetting("Microsoft:ClientSecret", GraphStandIn.ClientSecret);
        builder.UseSetting("Microsoft:RedirectUri", RedirectUri);
        builder.UseSetting("Microsoft:WebhookUrl", WebhookUrl);
        builder.UseSetting("Microsoft:RetryBaseDelay", "00:00:00.010");
        builder.UseEnvironment("Testing");
    }
}
