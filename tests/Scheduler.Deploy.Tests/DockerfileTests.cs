using System.Xml.Linq;

namespace Scheduler.Deploy.Tests;

public sealed class DockerfileTests
{
    public static TheoryData<string, string> Images => new()
    {
        { "Gateway", "Gateway/Scheduler.Gateway.csproj" },
        { "Silo", "Silo/Scheduler.Silo.csproj" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Stages_Dockerfile_BuildWithSdkAndRunOnAspNetRuntime(string image, string project)
    {
        _ = project;
        var from = Dockerfile.Load($"{image}.Dockerfile").All("FROM").ToList();

        Assert.Equal(2, from.Count);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0 ", from[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0 ", from[1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void User_FinalStage_IsNotRootAndIsSetAfterEveryRun(string image, string project)
    {
        _ = project;
        var stage = Dockerfile.Load($"{image}.Dockerfile").FinalStage().Instructions.ToList();
        var user = stage.FindLastIndex(i => i.Keyword == "USER");

        Assert.True(user >= 0, "The runtime stage sets no USER.");
        Assert.DoesNotMatch("^(root|0)(:.*)?$", stage[user].Arguments);
        Assert.True(stage.FindLastIndex(i => i.Keyword == "RUN") < user, "A RUN after USER would run as that user only if intended; keep USER last.");
        Assert.Equal(1, stage.Count(i => i.Keyword == "HEALTHCHECK"));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Entrypoint_Dockerfile_RunsTheHostAssembly(string image, string project)
    {
        var entrypoint = Assert.Single(Dockerfile.Load($"{image}.Dockerfile").All("ENTRYPOINT"));

        Assert.Equal($"[\"dotnet\", \"{Path.GetFileNameWithoutExtension(project)}.dll\"]", entrypoint);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Copies_BuildStage_IncludeEveryProjectTheHostReferences(string image, string project)
    {
        var copies = Dockerfile.Load($"{image}.Dockerfile").All("COPY")
            .Where(c => !c.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var source in copies)
        {
            Assert.True(File.Exists(Repository.PathOf(source)) || Directory.Exists(Repository.PathOf(source)), $"COPY source {source} does not exist.");
        }

        foreach (var reference in ProjectClosure(project))
        {
            Assert.Contains(reference, copies);
            var folder = reference[..(reference.LastIndexOf('/') + 1)];
            Assert.True(copies.Any(c => c.EndsWith('/') && folder.StartsWith(c, StringComparison.Ordinal)), $"The sources of {reference} are not copied.");
        }
    }

    [Fact]
    public void Restore_BuildStage_SeesTheRepositoryWideBuildSettings()
    {
        foreach (var image in new[] { "Gateway", "Silo" })
        {
            var first = Dockerfile.Load($"{image}.Dockerfile").All("COPY").First();
            foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig" })
            {
                Assert.Contains(file, first.Split(' '));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Publish_Dockerfile_RestoresAndPublishesForTheTaskPlatformOnly(string image, string project)
    {
        var dockerfile = Dockerfile.Load($"{image}.Dockerfile");
        var runtime = Assert.Single(dockerfile.All("ARG"), a => a.StartsWith("RUNTIME_ID=", StringComparison.Ordinal));
        var architectures = Regex.Matches(File.ReadAllText(Repository.PathOf("deploy/terraform/ecs.tf")), "cpu_architecture\\s*=\\s*\"(\\w+)\"")
            .Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.Ordinal);

        Assert.Equal(Assert.Single(architectures) == "ARM64" ? "RUNTIME_ID=linux-arm64" : "RUNTIME_ID=linux-x64", runtime);
        var runs = dockerfile.All("RUN").ToList();
        Assert.Contains(runs, r => r.StartsWith($"dotnet restore {project} -r $RUNTIME_ID", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.StartsWith($"dotnet publish {project} ", StringComparison.Ordinal) && r.Contains("-r $RUNTIME_ID --self-contained false", StringComparison.Ordinal));
    }

    [Fact]
    public void DockerIgnore_Repository_ExcludesBuildOutputAndLocalData()
    {
        var patterns = File.ReadAllLines(Repository.PathOf(".dockerignore")).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "**/bin", "**/obj", "**/data", ".git" }, patterns);
    }

    /// <summary>The project and every project it references, transitively, as repository-relative paths with '/'.</summary>
    private static IReadOnlyList<string> ProjectClosure(string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(Repository.PathOf(current))!;
            foreach (var include in XDocument.Load(Repository.PathOf(current)).Descendants("ProjectReference").Select(r => (string)r.Attribute("Include")!))
            {
                var full = Path.GetFullPath(Path.Combine(directory, include.Replace('\\', '/')));
                pending.Push(Regex.Replace(Path.GetRelativePath(Repository.Root, full), "\\\\", "/"));
            }
        }

        return [.. seen];
    }
}
