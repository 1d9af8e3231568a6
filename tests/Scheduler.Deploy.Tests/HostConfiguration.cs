namespace Scheduler.Deploy.Tests;

/// <summary>
/// A host configured as a container would be: the container's plain Terraform variables (secrets left out) fed to the
/// hosts' own wiring, <see cref="ClusterHostingExtensions.AddSchedulerSilo"/> for the silo (as Silo/Program.cs calls it)
/// or <see cref="ClusterHostingExtensions.AddSchedulerClusterClient"/> for the gateway (its <c>Scheduler:ClusterClient</c>
/// mode); built, never started.
/// </summary>
internal sealed class HostConfiguration : IDisposable
{
    private HostConfiguration(IServiceCollection registrations, IHost host)
    {
        Registrations = registrations;
        Host = host;
    }

    /// <summary>What the wiring registered (to see which implementation backs a service without creating it).</summary>
    public IServiceCollection Registrations { get; }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public static HostConfiguration For(string container, Terraform terraform)
    {
        var values = ContainerEnvironmentTests.Entries(container)
            .Where(e => e.Key == "value")
            .ToDictionary(e => e.Name.Replace("__", ":", StringComparison.Ordinal), e => (string?)terraform.Resolve(e.Value));
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        if (container == "silo")
        {
            builder.AddServiceDefaults("scheduler-silo");
            builder.AddSchedulerSilo(Path.Combine(Path.GetTempPath(), "unused.db"));
        }
        else
        {
            builder.AddServiceDefaults("scheduler-gateway");
            builder.AddSchedulerClusterClient();
        }

        return new HostConfiguration(builder.Services, builder.Build());
    }

    /// <summary>The implementation type registered last for <typeparamref name="TService"/>.</summary>
    public Type? ImplementationOf<TService>() => Registrations.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService)?.ImplementationType;

    public void Dispose() => Host.Dispose();
}
