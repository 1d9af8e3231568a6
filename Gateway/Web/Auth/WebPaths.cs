namespace Scheduler.Gateway.Web.Auth;

/// <summary>The paths of the web app's pages (everything else, <c>/v1</c> above all, is the API's).</summary>
public static class WebPaths
{
    /// <summary>The requests board.</summary>
    public const string Board = "/";

    /// <summary>The prefix of a request's page: <c>/requests/{id}</c>.</summary>
    public const string Requests = "/requests";

    /// <summary>The participants list; <c>/participants/{id}</c> is a participant's page.</summary>
    public const string Participants = "/participants";

    /// <summary>The pools list; <c>/pools/{id}</c> is a pool's page.</summary>
    public const string Pools = "/pools";

    /// <summary>The batch import page and its example files: <c>/import</c>, <c>/import/{importId}</c>.</summary>
    public const string Import = "/import";

    /// <summary>The prefix of sign-in and sign-out.</summary>
    public const string Account = "/account";

    /// <summary>Where sign-in starts: single sign-on when configured, else the local page.</summary>
    public const string SignIn = "/account/sign-in";

    /// <summary>The local sign-in page (Development and demo only).</summary>
    public const string LocalSignIn = "/account/local";

    /// <summary>Signs out (POST).</summary>
    public const string SignOut = "/account/sign-out";

    /// <summary>The page a signed-in person without the role is sent to.</summary>
    public const string AccessDenied = "/account/denied";

    /// <summary>The interactive components' connection.</summary>
    public const string Circuit = "/_blazor";

    /// <summary>Whether a request path belongs to the pages, so that a person is recognised by the cookie rather than a bearer token.</summary>
    /// <param name="path">The request path.</param>
    /// <returns><see langword="true"/> for the board, a request's page (and its prep planner), participants, pools, the import page, the account pages and the interactive connection.</returns>
    public static bool IsPage(PathString path) =>
        path == Board || path.StartsWithSegments(Requests) || path.StartsWithSegments(Participants) || path.StartsWithSegments(Pools)
        || path.StartsWithSegments(Import) || path.StartsWithSegments(Account) || path.StartsWithSegments(Circuit);

    /// <summary>A request's page.</summary>
    /// <param name="id">The request id.</param>
    /// <returns>The path.</returns>
    public static string Request(string id) => $"{Requests}/{Uri.EscapeDataString(id)}";

    /// <summary>A request's prep planner.</summary>
    /// <param name="id">The request id.</param>
    /// <returns>The path.</returns>
    public static string PrepPlanner(string id) => $"{Request(id)}/prep";

    /// <summary>A participant's page.</summary>
    /// <param name="id">The participant id.</param>
    /// <returns>The path.</returns>
    public static string Participant(string id) => $"{Participants}/{Uri.EscapeDataString(id)}";

    /// <summary>A pool's page.</summary>
    /// <param name="id">The pool id.</param>
    /// <returns>The path.</returns>
    public static string Pool(string id) => $"{Pools}/{Uri.EscapeDataString(id)}";

    /// <summary>An import's page.</summary>
    /// <param name="importId">The import id.</param>
    /// <returns>The path.</returns>
    public static string ImportOf(string importId) => $"{Import}/{Uri.EscapeDataString(importId)}";
}
