using Microsoft.Extensions.Logging;

namespace Scheduler.Deploy.Tests;

/// <summary>
/// Operators filter the logs by event id (docs/DEPLOY.md, "Log event ids"): every <c>[LoggerMessage]</c> of the product
/// has an id of its own, in its area's range.
/// </summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void EveryLoggerMessage_HasAnEventIdOfItsOwn_InItsAreasRange()
    {
        var messages = ProductAssemblies()
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.FullName}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        Assert.True(messages.Count > 50, $"Only {messages.Count} [LoggerMessage] methods were found.");
        var shared = messages.GroupBy(m => m.Attribute!.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}").ToList();
        Assert.True(shared.Count == 0, "Event ids used twice: " + string.Join("; ", shared));
        var outOfRange = messages.Where(m => !InRange(m.Method, m.Attribute!.EventId)).Select(m => $"{m.Method} ({m.Attribute!.EventId})").ToList();
        Assert.True(outOfRange.Count == 0, "Event ids outside their area's range: " + string.Join("; ", outOfRange));
    }

    /// <summary>The ranges of docs/DEPLOY.md: the gateway 1–999 and 4000–4999, the grains 2000–3999 and 6000–6999, the storage providers 7000–7999.</summary>
    private static bool InRange(string method, int id) =>
        method.StartsWith("Scheduler.Gateway.", StringComparison.Ordinal) ? id is (>= 1 and <= 999) or (>= 4000 and <= 4999)
        : method.StartsWith("Scheduler.Providers.", StringComparison.Ordinal) ? id is >= 7000 and <= 7999
        : id is (>= 2000 and <= 3999) or (>= 6000 and <= 6999);

    private static IEnumerable<Assembly> ProductAssemblies() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "Scheduler.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => !n!.EndsWith(".Tests", StringComparison.Ordinal) && n != "Scheduler.Testing")
            .Select(n => Assembly.Load(n!));
}
