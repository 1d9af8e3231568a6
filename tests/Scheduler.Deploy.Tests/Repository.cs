namespace Scheduler.Deploy.Tests;

/// <summary>Files of the repository, found by walking up from the test assembly to the folder holding Scheduler.slnx.</summary>
internal static class Repository
{
    private static readonly Lazy<string> _root = new(FindRoot);

    public static string Root => _root.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Scheduler.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Scheduler.slnx above {AppContext.BaseDirectory}.");
    }
}
