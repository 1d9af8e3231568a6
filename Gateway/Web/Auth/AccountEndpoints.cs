using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace Scheduler.Gateway.Web.Auth;

/// <summary>Where sign-in starts and where it ends: <c>GET /account/sign-in</c> and <c>POST /account/sign-out</c>.</summary>
public static class AccountEndpoints
{
    /// <summary>Maps the two endpoints (not part of the API's OpenAPI document).</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var localEnabled = LocalSignIn.IsEnabled(app.Environment, app.Configuration);
        app.MapGet(WebPaths.SignIn, (string? returnUrl, HttpContext context, IAuthenticationSchemeProvider schemes) => StartSignInAsync(returnUrl, context, schemes, localEnabled))
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapPost(WebPaths.SignOut, SignOutAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>A return address that stays on this site: a path starting with one <c>/</c>; anything else becomes the board.</summary>
    /// <param name="returnUrl">The requested address.</param>
    /// <returns>The address to go to.</returns>
    public static string LocalOrBoard(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : WebPaths.Board;

    private static async Task<IResult> StartSignInAsync(string? returnUrl, HttpContext context, IAuthenticationSchemeProvider schemes, bool localEnabled)
    {
        var target = LocalOrBoard(returnUrl);
        if (await schemes.GetSchemeAsync(WebSchemes.OpenIdConnect) is not null)
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [WebSchemes.OpenIdConnect]);
        }

        return localEnabled
            ? Results.Redirect($"{WebPaths.LocalSignIn}?returnUrl={Uri.EscapeDataString(target)}")
            : Results.NotFound();
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }

        await context.SignOutAsync(WebSchemes.Cookie);
        return Results.Redirect(WebPaths.SignIn);
    }
}
