namespace Scheduler.Deploy.Tests;

public sealed class OpenTelemetryTests
{
    private static readonly Terraform _terraform = Terraform.Load();

    [Fact]
    public void Collector_ReceiverEndpoint_IsWhereTheApplicationsExport()
    {
        var collector = Repository.Read("deploy", "otel", "collector.yaml");
        var exportTo = new Uri(_terraform.LocalResolved("otlp_endpoint"));
        var grpc = Regex.Match(collector, "grpc:\\s*\\n\\s*endpoint:\\s*(\\S+)");

        Assert.True(grpc.Success, "The collector has no OTLP gRPC receiver.");
        Assert.Equal($"127.0.0.1:{exportTo.Port}", grpc.Groups[1].Value);
        Assert.Equal("local.otlp_endpoint", ContainerEnvironmentTests.Value("gateway", "OTEL_EXPORTER_OTLP_ENDPOINT"));
        Assert.Equal("local.otlp_endpoint", ContainerEnvironmentTests.Value("silo", "OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    [Fact]
    public void Collector_Pipelines_ExportTracesAndMetrics()
    {
        var collector = Repository.Read("deploy", "otel", "collector.yaml");

        Assert.Matches("(?m)^\\s+traces:\\s*\\n\\s+receivers: \\[otlp\\]", collector);
        Assert.Matches("(?m)^\\s+metrics:\\s*\\n\\s+receivers: \\[otlp\\]", collector);
        Assert.Contains("exporters: [awsxray]", collector, StringComparison.Ordinal);
        Assert.Contains("exporters: [awsemf]", collector, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("silo")]
    public void Sidecar_EachTask_RunsTheCollectorWithTheRepositoryConfiguration(string container)
    {
        var sidecar = _terraform.Local("otel_sidecar");
        var file = Regex.Match(sidecar, "file\\(\"\\$\\{path\\.module\\}/([^\"]+)\"\\)");

        Assert.Contains("local.otel_sidecar", _terraform.Resource("aws_ecs_task_definition", container), StringComparison.Ordinal);
        Assert.True(file.Success, "The sidecar does not load a configuration file.");
        Assert.True(File.Exists(Path.Combine(Repository.PathOf("deploy", "terraform"), file.Groups[1].Value)), $"{file.Groups[1].Value} does not exist.");
    }
}
