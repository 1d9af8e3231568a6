namespace Scheduler.Gateway.Web.Auth;

/// <summary>The authentication schemes of the web app, beside the API's bearer scheme.</summary>
public static class WebSchemes
{
    /// <summary>The cookie that keeps a person signed in to the pages.</summary>
    public const string Cookie = "SchedulerWeb";

    /// <summary>The default scheme: forwards to the bearer scheme for the API and to <see cref="Cookie"/> for the pages (<see cref="WebPaths"/>).</summary>
    public const string Selector = "SchedulerSelector";

    /// <summary>OpenID Connect single sign-on, when configured.</summary>
    public const string OpenIdConnect = "oidc";
}
