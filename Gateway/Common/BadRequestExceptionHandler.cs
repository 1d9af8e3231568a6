using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Scheduler.Gateway.Common;

/// <summary>
/// Turns request-binding failures (malformed JSON, wrong types, missing body) into
/// <c>400 application/problem+json</c> with <c>errors</c> keyed by the JSON path of the bad field, and a JSON body
/// whose <c>charset</c> names no known encoding (which ASP.NET Core reports as an <see cref="InvalidOperationException"/>)
/// into <c>415</c>. Other exceptions are left to the default handler (500 problem details).
/// </summary>
public sealed class BadRequestExceptionHandler : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is InvalidOperationException && HasUnknownCharset(httpContext.Request))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: "The charset of the request's Content-Type is not a known encoding; send JSON in UTF-8.").ExecuteAsync(httpContext);
            return true;
        }

        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        if (badRequest.StatusCode != StatusCodes.Status400BadRequest)
        {
            await TypedResults.Problem(statusCode: badRequest.StatusCode, detail: badRequest.Message).ExecuteAsync(httpContext);
            return true;
        }

        var json = FindJsonException(badRequest);
        var (field, message) = json is null
            ? ("body", "The request body is missing or could not be read as JSON.")
            : (FieldPath.FromJsonPath(json.Path), DescribeJsonError(json));
        await TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            title: "The request body is not valid JSON for this operation.").ExecuteAsync(httpContext);
        return true;
    }

    private static bool HasUnknownCharset(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.Charset.HasValue && type.Encoding is null;

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    private static string DescribeJsonError(JsonException json) =>
        json.Message.StartsWith(Rfc3339.Expected, StringComparison.Ordinal)
            ? Rfc3339.Expected
            : json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) ? "Not a field of this object."
            : json.LineNumber is null ? "Invalid value." : $"Invalid JSON or a value of the wrong type (line {json.LineNumber + 1}, position {json.BytePositionInLine}).";
}
