using Scheduler.Gateway.Auth;
using Scheduler.Gateway.Common;
using Scheduler.Gateway.Web.Auth;

namespace Scheduler.Gateway.Web.Imports;

/// <summary>The example files of the import page: <c>GET /import/example.csv</c> and <c>GET /import/example.json</c>, under the batch route's policy.</summary>
public static class ImportEndpoints
{
    /// <summary>The example CSV's path.</summary>
    public const string ExampleCsv = WebPaths.Import + "/example.csv";

    /// <summary>The example JSON's path.</summary>
    public const string ExampleJson = WebPaths.Import + "/example.json";

    /// <summary>Maps the two downloads (not part of the API's OpenAPI document).</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static WebApplication MapImportEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(ExampleCsv, async (HttpContext context, IGrainFactory factory, TimeProvider time) =>
                File(await ExampleImport.CsvAsync(Grains(context, factory), time.GetUtcNow()), "text/csv", "example.csv"))
            .RequireAuthorization(SchedulerPolicies.Ats)
            .ExcludeFromDescription();
        app.MapGet(ExampleJson, async (HttpContext context, IGrainFactory factory, TimeProvider time) =>
                File(await ExampleImport.JsonAsync(Grains(context, factory), time.GetUtcNow()), "application/json", "example.json"))
            .RequireAuthorization(SchedulerPolicies.Ats)
            .ExcludeFromDescription();
        return app;
    }

    private static TenantGrains Grains(HttpContext context, IGrainFactory factory) => new(factory, context.User.GetTenant());

    private static IResult File(byte[]? content, string contentType, string name) =>
        content is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No example.", detail: "The tenant needs at least one candidate and one interviewer for an example.")
            : Results.File(content, contentType, name);
}
