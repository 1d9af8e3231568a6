using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Scheduler.Grains.Common.Options;

namespace Scheduler.Gateway.Web.Auth;

/// <summary>
/// Adds the web app's sign-in beside the API's bearer tokens: a cookie for the pages, a default scheme that picks the bearer
/// scheme for the API (any request with an <c>Authorization</c> header, and every path outside <see cref="WebPaths.IsPage"/>)
/// and the cookie for the pages, and OpenID Connect single sign-on when <c>Web:OpenIdConnect:Authority</c> is set. The pages
/// use the API's policies (<see cref="SchedulerPolicies"/>) unchanged.
/// </summary>
public static class WebAuthentication
{
    /// <summary>How long a sign-in lasts without activity, in hours (sliding).</summary>
    public const int CookieHours = 8;

    /// <summary>Registers the schemes; call after <see cref="AuthenticationSetup.AddSchedulerAuthentication"/>.</summary>
    /// <param name="builder">The web application builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">At start-up: <c>Web:OpenIdConnect</c> is set but invalid.</exception>
    public static WebApplicationBuilder AddSchedulerWebAuthentication(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var oidc = builder.Configuration.GetSection(OpenIdConnectSignInOptions.SectionName).Get<OpenIdConnectSignInOptions>() ?? new OpenIdConnectSignInOptions();
        var tenantClaim = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>()?.TenantClaim ?? SchedulerClaims.Tenant;
        builder.Services.AddValidatedOptions<OpenIdConnectSignInOptions>(builder.Configuration, OpenIdConnectSignInOptions.SectionName);

        var authentication = builder.Services.AddAuthentication(WebSchemes.Selector)
            .AddPolicyScheme(WebSchemes.Selector, "API bearer token or web cookie", selector => selector.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count == 0 && WebPaths.IsPage(context.Request.Path) ? WebSchemes.Cookie : JwtBearerDefaults.AuthenticationScheme)
            .AddCookie(WebSchemes.Cookie, cookie =>
            {
                cookie.Cookie.Name = "scheduler.web";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(CookieHours);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = WebPaths.SignIn;
                cookie.LogoutPath = WebPaths.SignOut;
                cookie.AccessDeniedPath = WebPaths.AccessDenied;
            });

        if (oidc.IsConfigured)
        {
            authentication.AddOpenIdConnect(WebSchemes.OpenIdConnect, options =>
            {
                options.SignInScheme = WebSchemes.Cookie;
                options.Authority = oidc.Authority;
                options.ClientId = oidc.ClientId;
                options.ClientSecret = oidc.ClientSecret;
                options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                options.CallbackPath = oidc.CallbackPath;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.MapInboundClaims = false;
                options.Scope.Clear();
                foreach (var scope in oidc.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    options.Scope.Add(scope);
                }

                options.TokenValidationParameters = new TokenValidationParameters { NameClaimType = SchedulerClaims.Subject, RoleClaimType = SchedulerClaims.Roles };
                options.Events = new OpenIdConnectEvents
                {
                    OnTokenValidated = context =>
                    {
                        TenantClaimMapper.Map(context.Principal, tenantClaim);
                        return Task.CompletedTask;
                    },
                };
            });
        }

        return builder;
    }
}
