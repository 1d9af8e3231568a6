namespace Scheduler.Gateway.Common;

/// <summary>Collects field errors for a <c>400</c> problem document (<c>errors</c> keyed by field path).</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>Whether no error was added.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Adds an error.</summary>
    /// <param name="field">The field path, e.g. <c>stages[0].durationMinutes</c>.</param>
    /// <param name="message">What is wrong.</param>
    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
    }

    /// <summary>Adds an error unless <paramref name="condition"/> holds.</summary>
    /// <param name="condition">The rule.</param>
    /// <param name="field">The field path.</param>
    /// <param name="message">What is wrong when the rule fails.</param>
    /// <returns><paramref name="condition"/>.</returns>
    public bool Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            Add(field, message);
        }

        return condition;
    }

    /// <summary>Returns the errors in the shape of <see cref="Microsoft.AspNetCore.Http.HttpResults.ValidationProblem"/>.</summary>
    /// <returns>Field path to messages.</returns>
    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Returns the first error as one line, for batch items.</summary>
    /// <returns><c>field: message</c>, or <see langword="null"/> when empty.</returns>
    public string? FirstAsText() => _errors.Select(pair => $"{pair.Key}: {pair.Value[0]}").FirstOrDefault();
}
