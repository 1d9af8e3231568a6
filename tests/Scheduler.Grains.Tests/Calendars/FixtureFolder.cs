namespace Scheduler.Grains.Tests.Calendars;

/// <summary>Finds <c>shared/fixtures/ics</c> by walking up from the test assembly's folder.</summary>
internal static class FixtureFolder
{
    private static readonly Lazy<string> Folder = new(Find);

    public static string Ics => Folder.Value;

    public static string Read(string name) => File.ReadAllText(Path.Combine(Ics, name));

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "fixtures", "ics");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No directory containing shared/fixtures/ics above {AppContext.BaseDirectory}.");
    }
}
