using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Scheduler.Testing.StandIns.Google;

/// <summary>The stand-in's OAuth 2.0 side: consent (<c>GET /auth</c>) and the token endpoint (<c>POST /token</c>).</summary>
internal sealed partial class GoogleStandIn
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string RedirectUri, string Challenge)> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _grants = new();

    /// <summary>The grant types the token endpoint answered successfully, in order.</summary>
    public IReadOnlyList<string> Grants => [.. _grants];

    /// <summary>Issues tokens as if consent had happened (for tests that connect an account directly).</summary>
    public CalendarCredentials IssueCredentials()
    {
        var (access, refresh, expires) = NewTokens(null);
        return new CalendarCredentials(access, refresh, expires);
    }

    /// <summary>Makes every access token issued so far expire now (API calls then get 401).</summary>
    public void ExpireAccessTokens()
    {
        foreach (var token in _accessTokens.Keys)
        {
            _accessTokens[token] = DateTimeOffset.MinValue;
        }
    }

    /// <summary>What Google's consent page does once the user agrees: checks the request and answers the redirect with a code.</summary>
    public Uri Consent(Uri consentUrl)
    {
        var query = System.Web.HttpUtility.ParseQueryString(consentUrl.Query);
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256"
            || string.IsNullOrEmpty(query["redirect_uri"]) || string.IsNullOrEmpty(query["code_challenge"]))
        {
            throw new InvalidOperationException("Google would show an error page for this consent request: " + consentUrl);
        }

        var code = "4/" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        _codes[code] = (query["redirect_uri"]!, query["code_challenge"]!);
        return new Uri($"{query["redirect_uri"]}?state={Uri.EscapeDataString(query["state"] ?? string.Empty)}&code={Uri.EscapeDataString(code)}&scope={Uri.EscapeDataString(query["scope"] ?? string.Empty)}");
    }

    private bool AccessTokenValid(string token) => _accessTokens.TryGetValue(token, out var expires) && expires > _clock.GetUtcNow();

    private (string Access, string Refresh, DateTimeOffset ExpiresAt) NewTokens(string? refresh)
    {
        var access = "ya29." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = _clock.GetUtcNow() + AccessTokenLifetime;
        _accessTokens[access] = expires;
        refresh ??= "1//" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _refreshTokens[refresh] = true;
        return (access, refresh, expires);
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new JsonObject { ["error"] = "invalid_client", ["error_description"] = "The OAuth client was not found." }, statusCode: 401);
        }

        var grant = form["grant_type"].ToString();
        string? refresh = null;
        switch (grant)
        {
            case "authorization_code":
                if (!_codes.TryRemove(form["code"].ToString(), out var issued) || issued.RedirectUri != form["redirect_uri"]
                    || Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != issued.Challenge)
                {
                    return InvalidGrant("Malformed auth code.");
                }

                break;
            case "refresh_token":
                refresh = form["refresh_token"].ToString();
                if (!_refreshTokens.ContainsKey(refresh))
                {
                    return InvalidGrant("Token has been expired or revoked.");
                }

                break;
            default:
                return Results.Json(new JsonObject { ["error"] = "unsupported_grant_type" }, statusCode: 400);
        }

        var (access, newRefresh, _) = NewTokens(refresh);
        _grants.Enqueue(grant);
        var answer = new JsonObject
        {
            ["access_token"] = access,
            ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
            ["scope"] = "https://www.googleapis.com/auth/calendar",
            ["token_type"] = "Bearer",
        };
        if (grant == "authorization_code")
        {
            // Google sends a refresh token on the code exchange (offline access), not on refresh.
            answer["refresh_token"] = newRefresh;
        }

        return Results.Json(answer);
    }

    private static IResult InvalidGrant(string description) =>
        Results.Json(new JsonObject { ["error"] = "invalid_grant", ["error_description"] = description }, statusCode: 400);
}
