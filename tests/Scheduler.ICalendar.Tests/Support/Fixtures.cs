namespace Scheduler.ICalendar.Tests.Support;

/// <summary>Locates the shared iCalendar fixtures: the <c>shared/fixtures/ics</c> folder beside (or above) the repository.</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "ics");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No 'shared/fixtures/ics' folder found above {AppContext.BaseDirectory}. The shared fixtures must sit beside the repository.");
    });

    public static string Directory => Folder.Value;

    public static IEnumerable<string> Names =>
        System.IO.Directory.GetFiles(Directory, "*.ics").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public static VCalendar Parse(string name) => VCalendar.Parse(Read(name));
}
