using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;
using Scheduler.Grains.Common.Options;

namespace Scheduler.Gateway.Auth;

/// <summary>Registers JWT bearer authentication and the role policies.</summary>
public static class AuthenticationSetup
{
    /// <summary>
    /// Adds bearer authentication: RS256 via the OIDC metadata of <c>Auth:Authority</c> when set,
    /// otherwise HS256 with <c>Auth:SigningKey</c> (the development key in Development only).
    /// Registers a <see cref="TokenIssuer"/> in HS256 mode.
    /// </summary>
    /// <param name="builder">The web application builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">No key or authority is configured outside Development, or the key is too short.</exception>
    public static WebApplicationBuilder AddSchedulerAuthentication(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(AuthOptions.SectionName);
        var options = section.Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddValidatedOptions<AuthOptions>(builder.Configuration, AuthOptions.SectionName);
        var key = string.IsNullOrEmpty(options.Authority) ? SigningKeys.Resolve(options, builder.Environment) : null;

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateAudience = true,
                ValidAudience = options.Audience,
                ValidateLifetime = true,
                ClockSkew = TimeSpan.FromMinutes(1),
                NameClaimType = SchedulerClaims.Subject,
                RoleClaimType = SchedulerClaims.Roles,
            };
            if (options.TenantClaim != SchedulerClaims.Tenant)
            {
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        TenantClaimMapper.Map(context.Principal, options.TenantClaim);
                        return Task.CompletedTask;
                    },
                };
            }

            if (key is null)
            {
                jwt.Authority = options.Authority;
                jwt.Audience = options.Audience;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
                jwt.TokenValidationParameters.ValidateIssuer = true;
            }
            else
            {
                jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
                jwt.TokenValidationParameters.ValidateIssuer = true;
                jwt.TokenValidationParameters.IssuerSigningKey = SigningKeys.ToSecurityKey(key);
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
        });

        if (key is not null)
        {
            builder.Services.AddSingleton(sp => new TokenIssuer(key, options.Issuer, options.Audience, sp.GetRequiredService<TimeProvider>()));
        }

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SchedulerPolicies.Ats, policy => RequireAnyRole(policy, SchedulerRoles.Ats))
            .AddPolicy(SchedulerPolicies.Recruiter, policy => RequireAnyRole(policy, SchedulerRoles.Recruiter))
            .AddPolicy(SchedulerPolicies.RequestReader, policy => RequireAnyRole(policy, SchedulerRoles.Ats, SchedulerRoles.Recruiter))
            .AddPolicy(SchedulerPolicies.Admin, policy => RequireAnyRole(policy, SchedulerRoles.Admin));
        return builder;
    }

    private static void RequireAnyRole(AuthorizationPolicyBuilder policy, params string[] roles) =>
        policy.RequireAuthenticatedUser().RequireAssertion(context =>
            context.User.HasTenant()
            && (context.User.HasSchedulerRole(SchedulerRoles.Admin) || roles.Any(context.User.HasSchedulerRole)));
}
