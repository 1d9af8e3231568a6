using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;
using Scheduler.Scheduling.Calendar;

namespace Scheduler.Gateway.Common;

/// <summary>Shared field rules: ids, email addresses, zones, local times, dates, windows.</summary>
public static partial class FieldRules
{
    /// <summary>Addresses must have a domain: a bare local part is refused.</summary>
    private static readonly ParserOptions AddressParsing = new() { AllowAddressesWithoutDomain = false };

    /// <summary>The longest window a query or request may span, in days.</summary>
    public const int MaxWindowDays = 90;

    /// <summary>The longest interview stage, in minutes.</summary>
    public const int MaxDurationMinutes = 480;

    /// <summary>The most weekly rules a list (working hours, preferred times) may hold.</summary>
    public const int MaxWeeklyRules = 50;

    /// <summary>The weekday names accepted in weekly rules.</summary>
    public static readonly IReadOnlyList<string> Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>How many characters of a caller's value an error message repeats.</summary>
    public const int MaxEcho = 40;

    /// <summary>A caller's value as an error message may quote it: at most <see cref="MaxEcho"/> characters, then <c>…</c>; control characters replaced by <c>?</c>.</summary>
    /// <param name="value">The value (any length).</param>
    /// <returns>The quotable prefix.</returns>
    public static string Echo(string? value)
    {
        var text = value ?? string.Empty;
        var prefix = new string([.. text.Take(MaxEcho).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > MaxEcho ? prefix + "…" : prefix;
    }

    /// <summary>Whether <paramref name="id"/> is a valid participant, pool or request id: 1–128 characters of letters, digits, <c>.</c>, <c>_</c>, <c>-</c>, <c>:</c>, <c>@</c>.</summary>
    /// <param name="id">The id.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>
    /// Whether <paramref name="address"/> is one address <c>local@domain</c> (RFC 5322 §3.4.1, at most 254 characters,
    /// no display name, nothing around it), checked by MimeKit, the library that will send to it.
    /// </summary>
    /// <param name="address">The text.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsEmailAddress(string? address) =>
        address is { Length: > 0 and <= 254 }
        && MailboxAddress.TryParse(AddressParsing, address, out var mailbox)
        && string.IsNullOrEmpty(mailbox.Name)
        && string.Equals(mailbox.Address, address, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="zone"/> is a known IANA zone id (or a Windows zone name that maps to one), by the engine's own lookup (<see cref="TimeZones"/>), so what is accepted here is what the engine can schedule in.</summary>
    /// <param name="zone">The zone id.</param>
    /// <returns><see langword="true"/> when known.</returns>
    public static bool IsKnownZone(string? zone)
    {
        return TimeZones.TryGetIanaId(zone, out _);
    }

    /// <summary>Whether <paramref name="time"/> is a local time <c>HH:mm</c> (00:00–23:59) in ASCII digits, the only digits the engine reads (<c>\d</c> would match any script's).</summary>
    /// <param name="time">The text.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsLocalTime(string? time) => time is not null && LocalTimePattern().IsMatch(time);

    /// <summary>Whether <paramref name="date"/> is a date <c>yyyy-MM-dd</c>.</summary>
    /// <param name="date">The text.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsDate(string? date) =>
        date is { Length: 10 } && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>Checks a window: both ends present, end after start, at most <paramref name="maxDays"/> days.</summary>
    /// <param name="errors">Where errors go.</param>
    /// <param name="path">The window's field path (<c>window</c>; empty for query parameters <c>from</c>/<c>to</c>).</param>
    /// <param name="start">The start.</param>
    /// <param name="end">The end.</param>
    /// <param name="startName">The start field name (<c>start</c> or <c>from</c>).</param>
    /// <param name="endName">The end field name (<c>end</c> or <c>to</c>).</param>
    /// <param name="maxDays">The longest span in days; <see langword="null"/> for no limit. Default <see cref="MaxWindowDays"/>.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool CheckWindow(ValidationErrors errors, string path, DateTimeOffset? start, DateTimeOffset? end, string startName = "start", string endName = "end", int? maxDays = MaxWindowDays)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var ok = errors.Require(start is not null, FieldPath.Member(path, startName), "Required (RFC 3339 date-time).");
        ok &= errors.Require(end is not null, FieldPath.Member(path, endName), "Required (RFC 3339 date-time).");
        if (!ok)
        {
            return false;
        }

        if (end <= start)
        {
            errors.Add(FieldPath.Member(path, endName), $"Must be after {startName}.");
            return false;
        }

        return maxDays is not { } days || errors.Require(end - start <= TimeSpan.FromDays(days), FieldPath.Member(path, endName), $"The window may span at most {days} days.");
    }

    /// <summary>Checks an optional whole number: absent, or from <paramref name="min"/> to <paramref name="max"/>.</summary>
    /// <param name="errors">Where errors go.</param>
    /// <param name="field">The field path.</param>
    /// <param name="value">The value; <see langword="null"/> is accepted.</param>
    /// <param name="min">The least value.</param>
    /// <param name="max">The largest value.</param>
    /// <param name="unit">The unit the message names, e.g. <c>minutes</c>; <see langword="null"/> for none.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool CheckRange(ValidationErrors errors, string field, int? value, int min, int max, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Require(value is null || (value >= min && value <= max), field, unit is null ? $"Must be between {min} and {max}." : $"Must be between {min} and {max} {unit}.");
    }

    /// <summary>Checks a list of items that may not be null: at most <paramref name="max"/> of them, each present, each by <paramref name="check"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="errors">Where errors go: <paramref name="tooMany"/> on the list, <c>Required.</c> on a null item.</param>
    /// <param name="path">The list's field path; empty for a body that is the list (its own error is then on <c>body</c>, its items on <c>[i]</c>).</param>
    /// <param name="items">The list; <see langword="null"/> is accepted as empty.</param>
    /// <param name="max">The most items.</param>
    /// <param name="tooMany">The error when the list has more than <paramref name="max"/> items (no item is checked then).</param>
    /// <param name="check">Checks one item, given its field path (e.g. <c>calendars[2]</c>).</param>
    public static void CheckEach<T>(ValidationErrors errors, string path, IReadOnlyList<T?>? items, int max, string tooMany, Action<string, T> check)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(check);
        if (!errors.Require((items?.Count ?? 0) <= max, path.Length == 0 ? "body" : path, tooMany))
        {
            return;
        }

        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var itemPath = FieldPath.Index(path, i);
            if (errors.Require(items![i] is not null, itemPath, "Required."))
            {
                check(itemPath, items[i]!);
            }
        }
    }

    /// <summary>Checks a list of participant ids: each a valid id (<see cref="IsValidId"/>) listed once, and each valid one by <paramref name="rule"/>.</summary>
    /// <param name="errors">Where errors go, on each id's path (e.g. <c>members[1]</c>).</param>
    /// <param name="path">The list's field path.</param>
    /// <param name="ids">The ids.</param>
    /// <param name="rule">What else is wrong with a valid id, or <see langword="null"/> when nothing; optional.</param>
    public static void CheckParticipantIds(ValidationErrors errors, string path, IReadOnlyList<string?> ids, Func<string, string?>? rule = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(ids);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            var idPath = FieldPath.Index(path, i);
            if (errors.Require(IsValidId(ids[i]), idPath, "Not a valid participant id."))
            {
                errors.Require(seen.Add(ids[i]!), idPath, $"'{Echo(ids[i])}' is listed twice.");
                if (rule?.Invoke(ids[i]!) is { } error)
                {
                    errors.Add(idPath, error);
                }
            }
        }
    }

    /// <summary>Checks a list of weekly rules (<c>{days, start, end}</c>).</summary>
    /// <param name="errors">Where errors go.</param>
    /// <param name="path">The list's field path.</param>
    /// <param name="rules">The rules; <see langword="null"/> is accepted as empty.</param>
    public static void CheckWeeklyHours(ValidationErrors errors, string path, IReadOnlyList<WeeklyHoursBody?>? rules) =>
        CheckEach(errors, path, rules, MaxWeeklyRules, $"At most {MaxWeeklyRules} rules.", (rulePath, rule) =>
        {
            if (errors.Require(rule.Days is { Count: > 0 and <= 7 }, FieldPath.Member(rulePath, "days"), "1–7 days (Mon–Sun)."))
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var d = 0; d < rule.Days!.Count; d++)
                {
                    var dayPath = FieldPath.Index(FieldPath.Member(rulePath, "days"), d);
                    if (errors.Require(Days.Contains(rule.Days[d], StringComparer.Ordinal), dayPath, "One of Mon, Tue, Wed, Thu, Fri, Sat, Sun."))
                    {
                        errors.Require(seen.Add(rule.Days[d]!), dayPath, $"{rule.Days[d]} is listed twice.");
                    }
                }
            }

            errors.Require(IsLocalTime(rule.Start), FieldPath.Member(rulePath, "start"), "A local time HH:mm.");
            errors.Require(IsLocalTime(rule.End), FieldPath.Member(rulePath, "end"), "A local time HH:mm.");
        });

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:@\-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^([01][0-9]|2[0-3]):[0-5][0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalTimePattern();
}
