using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Scheduler.Testing.StandIns.Google;

namespace Scheduler.Gateway.Tests;

/// <summary>The gateway in process with the Google connector pointed at a <see cref="GoogleStandIn"/>; the webhook is the in-process <c>/webhooks/google</c>.</summary>
internal sealed class GoogleGatewayFactory(string dataDirectory, GoogleStandIn standIn) : WebApplicationFactory<Program>
{
    public const string WebhookUrl = "http://localhost/webhooks/google";
    public const string RedirectUri = "http://localhost/v1/oauth/google/callback";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Scheduler:DataDirectory", dataDirectory);
        GatewayFactory.UseFreeSiloPorts(builder);
        builder.UseSetting("Auth:SigningKey", GatewayFactory.SigningKey);
        builder.UseSetting("Scheduler:Demo", "false");
        builder.UseSetting("Google:ApiBaseUrl", standIn.ApiBaseUrl.AbsoluteUri);
        builder.UseSetting("Google:TokenUrl", standIn.TokenUrl.AbsoluteUri);
        builder.UseSetting("Google:AuthUrl", new Uri(standIn.ApiBaseUrl, "/auth").AbsoluteUri);
        builder.UseSetting("Google:ClientId", GoogleStandIn.ClientId);
        builder.UseSetting("Google:ClientSecret", GoogleStandIn.ClientSecret);
        builder.UseSetting("Google:RedirectUri", RedirectUri);
        builder.UseSetting("Google:WebhookUrl", WebhookUrl);
        builder.UseSetting("Google:RetryBaseDelay", "00:00:00.010");
        builder.UseEnvironment("Testing");
    }
}
