using Microsoft.AspNetCore.Http.HttpResults;

namespace Scheduler.Gateway.Auth;

/// <summary><c>POST /dev/token</c>: mints a token with the configured HS256 key. Mapped only in the Development environment.</summary>
public static class DevTokenApi
{
    /// <summary>Maps the endpoint when the environment is Development and HS256 tokens are in use.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static WebApplication MapDevTokenApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment() || app.Services.GetService<TokenIssuer>() is null)
        {
            return app;
        }

        app.MapPost("/dev/token", MintToken)
            .WithTags("Development")
            .WithName("MintDevelopmentToken")
            .WithSummary("Mints a bearer token (Development only).")
            .WithDescription("Body: {tenant, roles:[\"admin\",\"ats\",\"recruiter\"], minutes}. Returns {token, expiresAt}. Not mapped outside Development.")
            .AllowAnonymous();
        return app;
    }

    private static Results<Ok<DevTokenResponse>, ValidationProblem> MintToken(DevTokenRequest request, TokenIssuer issuer)
    {
        try
        {
            var (token, expiresAt) = issuer.Mint(
                request.Tenant ?? string.Empty,
                request.Roles ?? SchedulerRoles.All,
                request.Subject ?? "local-user",
                TimeSpan.FromMinutes(request.Minutes ?? 480));
            return TypedResults.Ok(new DevTokenResponse(token, expiresAt));
        }
        catch (ArgumentException ex)
        {
            return ApiProblems.Invalid(ex.ParamName ?? "body", ex.Message);
        }
    }
}
