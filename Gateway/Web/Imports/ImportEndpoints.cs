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
        MapExample(app, ExampleCsv, ExampleImport.CsvAsync, "text/csv", "example.csv");
        MapExample(app, ExampleJson, ExampleImport.JsonAsync, "application/json", "example.json");
        return app;
    }

    private static void MapExample(WebApplication app, string path, Func<TenantGrains, DateTimeOffset, Task<byte[]?>> example, string contentType, string name) =>
        app.MapGet(path, async (TenantGrains grains, TimeProvider time) =>
                await example(grains, time.GetUtcNow()) is { } content
                    ? Results.File(content, contentType, name)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No example.", detail: "The tenant needs at least one candidate and one interviewer for an example."))
            .RequireAuthorization(SchedulerPolicies.Ats)
            .ExcludeFromDescription();
}
