using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Scheduler.Gateway.Hosting;

namespace Scheduler.Deploy.Tests;

public sealed class PortsAndHealthTests
{
    private static readonly Terraform _terraform = Terraform.Load();

    private static int GatewayPort => int.Parse(_terraform.Local("gateway_port"), CultureInfo.InvariantCulture);

    private static int SiloPort => int.Parse(_terraform.Local("silo_port"), CultureInfo.InvariantCulture);

    [Fact]
    public void GatewayPort_Terraform_EqualsGatewayDefaultUrlPort()
    {
        Assert.Equal(new Uri(GatewayOptions.DefaultUrl).Port, GatewayPort);
    }

    [Fact]
    public void SiloPort_Terraform_EqualsSiloAppSettingsPort()
    {
        using var settings = JsonDocument.Parse(Repository.Read("Silo", "appsettings.json"));
        var urls = settings.RootElement.GetProperty("Urls").GetString()!;

        Assert.Equal(new Uri(urls).Port, SiloPort);
    }

    [Theory]
    [InlineData("gateway", "Gateway")]
    [InlineData("silo", "Silo")]
    public void EffectiveUrls_TerraformEnvironment_ListenOnAllInterfacesAtTheContainerPort(string container, string project)
    {
        var environment = ContainerEnvironmentTests.Entries(container)
            .Where(e => e.Key == "value")
            .ToDictionary(e => e.Name, e => _terraform.Resolve(e.Value), StringComparer.Ordinal);

        var (host, port) = EffectiveUrl(project, environment);

        Assert.Equal("+", host);
        Assert.Equal(container == "gateway" ? GatewayPort : SiloPort, port);
    }

    [Theory]
    [InlineData("Gateway")]
    [InlineData("Silo")]
    public void EffectiveUrls_DockerfileEnvironment_ListenOnAllInterfacesAtTheExposedPort(string project)
    {
        var image = Dockerfile.Load($"{project}.Dockerfile").FinalStage();

        var (host, port) = EffectiveUrl(project, image.Environment());

        Assert.Equal("+", host);
        Assert.Equal(int.Parse(image.All("EXPOSE").First(), CultureInfo.InvariantCulture), port);
        Assert.Equal(project == "Gateway" ? GatewayPort : SiloPort, port);
    }

    [Fact]
    public void OrleansPorts_TerraformDockerfileAndSiloEnvironment_AreTheClusterSettingsDefaults()
    {
        var defaults = new ClusterSettings();
        var siloPort = int.Parse(_terraform.Local("orleans_silo_port"), CultureInfo.InvariantCulture);
        var gatewayPort = int.Parse(_terraform.Local("orleans_gateway_port"), CultureInfo.InvariantCulture);
        var image = Dockerfile.Load("Silo.Dockerfile").FinalStage();
        var task = _terraform.Resource("aws_ecs_task_definition", "silo");

        Assert.Equal(defaults.SiloPort, siloPort);
        Assert.Equal(defaults.GatewayPort, gatewayPort);
        Assert.Equal([SiloPort, siloPort, gatewayPort], image.All("EXPOSE").Select(e => int.Parse(e, CultureInfo.InvariantCulture)));
        Assert.Contains("containerPort = local.orleans_silo_port", task, StringComparison.Ordinal);
        Assert.Contains("containerPort = local.orleans_gateway_port", task, StringComparison.Ordinal);
        Assert.Equal(siloPort.ToString(CultureInfo.InvariantCulture), _terraform.Resolve(ContainerEnvironmentTests.Value("silo", "Cluster__SiloPort")));
        Assert.Equal(gatewayPort.ToString(CultureInfo.InvariantCulture), _terraform.Resolve(ContainerEnvironmentTests.Value("silo", "Cluster__GatewayPort")));
    }

    [Theory]
    [InlineData("silo_from_gateway", "gateway", "local.orleans_gateway_port")]
    [InlineData("silo_from_silo", "silo", "local.orleans_silo_port")]
    public void SiloIngress_OpensTheOrleansPorts_GatewayPortToGatewaysAndSiloPortToSilos(string rule, string source, string port)
    {
        var body = _terraform.Resource("aws_vpc_security_group_ingress_rule", rule);

        Assert.Equal("\"tcp\"", Terraform.Attribute(body, "ip_protocol"));
        Assert.Equal(port, Terraform.Attribute(body, "from_port"));
        Assert.Equal(port, Terraform.Attribute(body, "to_port"));
        Assert.Equal($"aws_security_group.{source}.id", Terraform.Attribute(body, "referenced_security_group_id"));
    }

    [Fact]
    public void SiloIngress_HasNoOtherRule()
    {
        var rules = _terraform.ResourceNames("aws_vpc_security_group_ingress_rule")
            .Where(r => Terraform.Attribute(_terraform.Resource("aws_vpc_security_group_ingress_rule", r), "security_group_id") == "aws_security_group.silo.id");

        Assert.Equal(["silo_from_gateway", "silo_from_silo"], rules.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GatewayEnvironment_MakesTheGatewayAClusterClient()
    {
        var environment = ContainerEnvironmentTests.Entries("gateway").Where(e => e.Key == "value").ToDictionary(e => e.Name, e => _terraform.Resolve(e.Value), StringComparer.Ordinal);

        Assert.Equal("true", environment[$"{GatewayOptions.SectionName}__{nameof(GatewayOptions.ClusterClient)}"]);
        Assert.DoesNotContain("Cluster__AdvertisedIPAddress", ContainerEnvironmentTests.Entries("silo").Select(e => e.Name));
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("silo")]
    public void TaskDefinition_Container_MapsPortAndUsesEnvironmentAndSecrets(string container)
    {
        var body = _terraform.Resource("aws_ecs_task_definition", container);

        Assert.Contains($"containerPort = local.{container}_port", body, StringComparison.Ordinal);
        Assert.Contains($"environment  = local.{container}_environment", body, StringComparison.Ordinal);
        Assert.Contains($"secrets      = local.{container}_secrets", body, StringComparison.Ordinal);
        Assert.Contains($"curl -fsS http://localhost:${{local.{container}_port}}${{local.health_live_path}}", body, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadBalancer_TargetGroup_UsesGatewayPortAndReadinessPath()
    {
        var group = _terraform.Resource("aws_lb_target_group", "gateway");
        var service = _terraform.Resource("aws_ecs_service", "gateway");

        Assert.Equal("local.gateway_port", Terraform.Attribute(group, "port"));
        Assert.Equal("\"ip\"", Terraform.Attribute(group, "target_type"));
        Assert.Equal("local.health_ready_path", Terraform.Attribute(Assert.Single(Terraform.Blocks(group, "health_check")), "path"));
        Assert.Equal("local.gateway_port", Terraform.Attribute(Assert.Single(Terraform.Blocks(service, "load_balancer")), "container_port"));
    }

    [Fact]
    public async Task HealthPaths_Terraform_AnsweredByTheGateway()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("scheduler-deploy-tests-").FullName;
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Scheduler:DataDirectory", dataDirectory);
                builder.UseSetting("Auth:SigningKey", "deploy-tests-signing-key-0123456789abcdef");
                builder.UseEnvironment("Testing");
            });
            using var client = factory.CreateClient();

            var live = await client.GetAsync(new Uri(_terraform.LocalResolved("health_live_path"), UriKind.Relative));
            var ready = await client.GetAsync(new Uri(_terraform.LocalResolved("health_ready_path"), UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Theory]
    [InlineData("Gateway")]
    [InlineData("Silo")]
    public void Healthcheck_Dockerfile_ProbesLivenessOnTheExposedPort(string project)
    {
        var image = Dockerfile.Load($"{project}.Dockerfile").FinalStage();
        var port = image.All("EXPOSE").First();

        var check = Assert.Single(image.All("HEALTHCHECK"));

        Assert.Contains($"http://localhost:{port}{_terraform.LocalResolved("health_live_path")}", check, StringComparison.Ordinal);
    }

    /// <summary>
    /// The URLs a host listens on, given its appsettings.json and the container's variables, in
    /// WebApplication's order: ASPNETCORE_-prefixed variables, then appsettings.json, then
    /// unprefixed variables (later sources win).
    /// </summary>
    private static (string Host, int Port) EffectiveUrl(string project, IReadOnlyDictionary<string, string> environment)
    {
        const string prefix = "ASPNETCORE_";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(e => new KeyValuePair<string, string?>(e.Key[prefix.Length..], e.Value)))
            .AddJsonFile(Repository.PathOf(project, "appsettings.json"), optional: false)
            .AddInMemoryCollection(environment.Select(e => new KeyValuePair<string, string?>(e.Key.Replace("__", ":", StringComparison.Ordinal), e.Value)))
            .Build();
        var urls = configuration["urls"] ?? GatewayOptions.DefaultUrl;
        var match = Regex.Match(Assert.Single(urls.Split(';')), "^https?://([^:/]+):(\\d+)/?$");
        Assert.True(match.Success, $"Unexpected URL {urls}.");
        return (match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }
}
