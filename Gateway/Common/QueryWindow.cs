using System.Globalization;

namespace Scheduler.Gateway.Common;

/// <summary>Parses the <c>from</c>/<c>to</c> query parameters of range queries.</summary>
public static class QueryWindow
{
    /// <summary>Parses and checks <c>from</c> and <c>to</c>: RFC 3339 with an offset, <c>to</c> after <c>from</c>, at most 90 days apart.</summary>
    /// <param name="errors">Where errors go (fields <c>from</c>, <c>to</c>).</param>
    /// <param name="from">The <c>from</c> text.</param>
    /// <param name="to">The <c>to</c> text.</param>
    /// <returns>The range, or <see langword="null"/> when invalid.</returns>
    public static TimeRange? Parse(ValidationErrors errors, string? from, string? to)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!TryRead(errors, "from", from, out var start) || !TryRead(errors, "to", to, out var end))
        {
            return null;
        }

        return FieldRules.CheckWindow(errors, string.Empty, start, end, "from", "to") ? new TimeRange(start!.Value.ToUniversalTime(), end!.Value.ToUniversalTime()) : null;
    }

    /// <summary>Parses an optional whole-number query parameter within a range.</summary>
    /// <param name="errors">Where errors go.</param>
    /// <param name="name">The parameter name.</param>
    /// <param name="text">The text; <see langword="null"/> uses <paramref name="defaultValue"/>.</param>
    /// <param name="defaultValue">The default; <see langword="null"/> makes the parameter required.</param>
    /// <param name="min">The least value.</param>
    /// <param name="max">The largest value.</param>
    /// <returns>The value, or <see langword="null"/> when invalid.</returns>
    public static int? ParseInt(ValidationErrors errors, string name, string? text, int? defaultValue, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (text is null)
        {
            if (defaultValue is null)
            {
                errors.Add(name, "Required.");
            }

            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Add(name, $"A whole number from {min} to {max}.");
            return null;
        }

        return value;
    }

    /// <summary>Reads one instant parameter: absent reads as <see langword="null"/> (the window check reports it); text that is not an instant adds the error.</summary>
    private static bool TryRead(ValidationErrors errors, string name, string? text, out DateTimeOffset? value)
    {
        value = Rfc3339.TryParse(text, out var parsed) ? parsed : null;
        return errors.Require(value is not null || text is null, name, "Expected an RFC 3339 date-time with Z or an offset, in the years 0002–9998 (encode '+' as %2B).");
    }
}
