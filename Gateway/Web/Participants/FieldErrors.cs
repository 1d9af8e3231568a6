namespace Scheduler.Gateway.Web.Participants;

/// <summary>The profile form's messages by field path of the body (<c>preferredTimes[0].start</c>, …), as the editors show them.</summary>
/// <param name="messages">Messages by field path.</param>
public sealed class FieldErrors(IReadOnlyDictionary<string, string[]> messages)
{
    /// <summary>No messages.</summary>
    public static FieldErrors None { get; } = new(new Dictionary<string, string[]>());

    /// <summary>Messages by field path.</summary>
    public IReadOnlyDictionary<string, string[]> Messages => messages;

    /// <summary>The messages of one field.</summary>
    /// <param name="path">The field path.</param>
    /// <returns>The messages joined, or <see langword="null"/> when the field is valid.</returns>
    public string? Of(string path) => messages.TryGetValue(path, out var found) ? string.Join(" ", found) : null;

    /// <summary>The messages of a field and every field under it (<c>calendars[1]</c> takes <c>calendars[1].url</c>).</summary>
    /// <param name="path">The field path.</param>
    /// <returns>The messages joined, or <see langword="null"/> when there are none.</returns>
    public string? Within(string path)
    {
        var found = messages
            .Where(m => m.Key == path || m.Key.StartsWith(path + ".", StringComparison.Ordinal) || m.Key.StartsWith(path + "[", StringComparison.Ordinal))
            .SelectMany(m => m.Value)
            .ToArray();
        return found.Length == 0 ? null : string.Join(" ", found);
    }

    /// <summary>The value of <c>aria-invalid</c> for a field.</summary>
    /// <param name="path">The field path.</param>
    /// <returns><c>true</c> when the field has a message, else <see langword="null"/> (no attribute).</returns>
    public string? Invalid(string path) => messages.ContainsKey(path) ? "true" : null;
}
