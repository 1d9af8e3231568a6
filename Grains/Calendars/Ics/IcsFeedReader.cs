using System.Net;
using System.Net.Http.Headers;
using Scheduler.Grains.Common.Http;
using Scheduler.ICalendar;

namespace Scheduler.Grains.Calendars.Ics;

/// <summary>
/// Reads <c>ics</c> feeds: <c>http(s)</c> with conditional GET (RFC 7232: <c>If-None-Match</c>
/// from the last <c>ETag</c>, <c>If-Modified-Since</c> from the last <c>Last-Modified</c>; a 304
/// keeps the previous copy) and retries, or <c>file:</c> under
/// <see cref="CalendarSourceOptions.FileFeedRoot"/>. Thread-safe.
/// </summary>
/// <param name="httpClientFactory">Creates the <see cref="HttpClientName"/> client.</param>
/// <param name="options">Settings.</param>
/// <param name="time">The clock.</param>
/// <param name="logger">The logger.</param>
public sealed class IcsFeedReader(
    IHttpClientFactory httpClientFactory,
    IOptions<CalendarSourceOptions> options,
    TimeProvider time,
    ILogger<IcsFeedReader> logger)
{
    /// <summary>The name of the <see cref="HttpClient"/> used for feeds.</summary>
    public const string HttpClientName = "Scheduler.Calendars.Ics";

    /// <summary>Reads the feed, revalidating <paramref name="previous"/> when given.</summary>
    /// <param name="url">An absolute <c>http</c>, <c>https</c> or <c>file</c> URL.</param>
    /// <param name="previous">The last good copy, or <see langword="null"/>.</param>
    /// <param name="participantKey">The participant (for the log only).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The new copy, or <paramref name="previous"/> with a new <see cref="IcsFeedSnapshot.FetchedAt"/> when unchanged.</returns>
    /// <exception cref="CalendarSourceException">The URL is unusable, the server failed, or the body is not iCalendar.</exception>
    public async Task<IcsFeedSnapshot> ReadAsync(string url, IcsFeedSnapshot? previous, string participantKey, CancellationToken cancellationToken)
    {
        var redacted = CalendarUrl.Redact(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new CalendarSourceException(redacted, "the url is not an absolute URL");
        }

        return uri.Scheme switch
        {
            "http" or "https" => await ReadHttpAsync(uri, redacted, previous, participantKey, cancellationToken),
            "file" => await ReadFileAsync(uri, redacted, previous, cancellationToken),
            _ => throw new CalendarSourceException(redacted, $"unsupported scheme '{uri.Scheme}' (use http, https or file)"),
        };
    }

    private async Task<IcsFeedSnapshot> ReadHttpAsync(Uri uri, string redacted, IcsFeedSnapshot? previous, string participantKey, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = httpClientFactory.CreateClient(HttpClientName);
        HttpRequestMessage Create()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/calendar"));
            if (previous?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
            {
                request.Headers.IfNoneMatch.Add(tag);
            }

            if (previous?.LastModified is { } modified)
            {
                request.Headers.IfModifiedSince = modified;
            }

            return request;
        }

        try
        {
            using var request = Create();
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            CalendarLog.Read(logger, participantKey, redacted, (int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.NotModified && previous is not null)
            {
                return previous with { FetchedAt = time.GetUtcNow() };
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new CalendarSourceException(redacted, $"the server answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var text = await CalendarHttp.ReadTextAsync(response, settings.MaxBodyBytes, cancellationToken);
            var calendar = Parse(text, redacted);
            return new IcsFeedSnapshot(calendar, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified, time.GetUtcNow());
        }
        catch (Exception exception) when (exception is InvalidDataException || HttpRetryResilience.IsUnreachable(exception, cancellationToken))
        {
            var reason = exception is HttpRequestException or InvalidDataException ? exception.Message : "the request timed out";
            throw new CalendarSourceException(redacted, reason, exception);
        }
    }

    private async Task<IcsFeedSnapshot> ReadFileAsync(Uri uri, string redacted, IcsFeedSnapshot? previous, CancellationToken cancellationToken)
    {
        var root = options.Value.FileFeedRoot;
        if (string.IsNullOrEmpty(root))
        {
            throw new CalendarSourceException(redacted, "file feeds are disabled (set Calendars:FileFeedRoot)");
        }

        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(uri.LocalPath);
        if (!path.StartsWith(fullRoot, StringComparison.Ordinal))
        {
            throw new CalendarSourceException(redacted, "the file is outside the allowed feed folder");
        }

        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new CalendarSourceException(redacted, "the file does not exist");
            }

            var modified = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
            if (previous is not null && previous.LastModified == modified)
            {
                return previous with { FetchedAt = time.GetUtcNow() };
            }

            if (info.Length > options.Value.MaxBodyBytes)
            {
                throw new CalendarSourceException(redacted, $"the file is larger than {options.Value.MaxBodyBytes} bytes");
            }

            var text = await File.ReadAllTextAsync(path, cancellationToken);
            return new IcsFeedSnapshot(Parse(text, redacted), null, modified, time.GetUtcNow());
        }
        catch (IOException exception)
        {
            throw new CalendarSourceException(redacted, exception.Message, exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new CalendarSourceException(redacted, exception.Message, exception);
        }
    }

    private static VCalendar Parse(string text, string redacted)
    {
        try
        {
            return VCalendar.Parse(text);
        }
        catch (ICalendarParseException exception)
        {
            throw new CalendarSourceException(redacted, $"not a valid iCalendar feed (line {exception.LineNumber}: {exception.Reason})", exception);
        }
    }
}
