using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Scheduler.Gateway.Common;

/// <summary>
/// Turns request-binding failures (malformed JSON, wrong types, missing body) into
/// <c>400 application/problem+json</c> with <c>errors</c> keyed by the JSON path of the bad field.
/// Other exceptions are left to the default handler (500 problem details).
/// </summary>
public sealed class BadRequestExceptionHandler : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
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
        json.Message.StartsWith("Expected an RFC 3339", StringComparison.Ordinal)
            ? "Expected an RFC 3339 date-time with Z or an offset, e.g. 2025-03-10T09:00:00Z."
            : json.LineNumber is null ? "Invalid value." : $"Invalid JSON or a value of the wrong type (line {json.LineNumber + 1}, position {json.BytePositionInLine}).";
}
