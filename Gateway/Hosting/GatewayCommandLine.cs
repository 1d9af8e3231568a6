namespace Scheduler.Gateway.Hosting;

/// <summary>Translates the gateway's flags into configuration: <c>--demo</c> becomes <c>Scheduler:Demo=true</c>.</summary>
public static class GatewayCommandLine
{
    /// <summary>The flag that loads the demo tenant.</summary>
    public const string DemoFlag = "--demo";

    /// <summary>Rewrites flags into configuration arguments.</summary>
    /// <param name="args">The process arguments.</param>
    /// <returns>The arguments for the configuration system.</returns>
    public static string[] Normalize(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return [.. args.Select(arg => arg == DemoFlag ? $"--{GatewayOptions.SectionName}:{nameof(GatewayOptions.Demo)}=true" : arg)];
    }
}
