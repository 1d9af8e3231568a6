using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Providers;
using Scheduler.Gateway.Auth;
using Scheduler.Gateway.Webhooks;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Links;
using Scheduler.Grains.Notifications.Email;
using Scheduler.Grains.Notifications.Slack;
using Scheduler.Providers.DynamoDB.Clustering;
using Scheduler.Providers.DynamoDB.Common;
using Scheduler.Providers.DynamoDB.DataProtection;
using Scheduler.Providers.DynamoDB.Reminders;
using Scheduler.Providers.DynamoDB.Storage;
using GatewayOptions = Scheduler.Gateway.Hosting.GatewayOptions;

namespace Scheduler.Deploy.Tests;

public sealed class ContainerEnvironmentTests
{
    private static readonly Terraform _terraform = Terraform.Load();

    /// <summary>Configuration sections (':'-separated paths) and the options classes the hosts bind them to (see ClusterHostingExtensions for the Cluster sections).</summary>
    private static readonly Dictionary<string, Type[]> _sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [GatewayOptions.SectionName] = [typeof(GatewayOptions)],
        [AuthOptions.SectionName] = [typeof(AuthOptions)],
        [ClusterSettings.SectionName] = [typeof(ClusterSettings)],
        [$"{ClusterSettings.SectionName}:DynamoDB"] = [typeof(DynamoDBStorageOptions), typeof(DynamoDBClusteringOptions), typeof(DynamoDBGatewayOptions), typeof(DynamoDBReminderStorageOptions), typeof(DynamoDBKeyRingOptions)],
        [$"{ClusterSettings.SectionName}:Membership"] = [typeof(ClusterMembershipOptions)],
        [$"{ClusterSettings.SectionName}:Messaging"] = [typeof(SiloMessagingOptions), typeof(ClientMessagingOptions)],
        [$"{ClusterSettings.SectionName}:Collection"] = [typeof(GrainCollectionOptions)],
        [SmtpOptions.SectionName] = [typeof(SmtpOptions)],
        [SlackOptions.SectionName] = [typeof(SlackOptions), typeof(SlackWebhookOptions)],
        ["Calendars"] = [typeof(CalendarSourceOptions)],
        [ActionLinkOptions.SectionName] = [typeof(ActionLinkOptions)],
    };

    /// <summary>Variables read by ASP.NET Core itself or by the OpenTelemetry SDK, not by an options class.</summary>
    private static readonly HashSet<string> _hostVariables = new(StringComparer.Ordinal)
    {
        "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "Urls", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_SERVICE_NAME",
    };

    private static readonly string[] _requiredGatewaySecrets = ["Auth__SigningKey", "Slack__SigningSecret", "Slack__BotToken", "Smtp__Password"];

    private static readonly string[] _requiredSiloSecrets = ["Slack__BotToken", "Smtp__Password"];

    public static TheoryData<string> Containers => new() { "gateway", "silo" };

    [Theory]
    [MemberData(nameof(Containers))]
    public void Variables_EachContainer_AreHostVariablesOrBindToAnOptionsProperty(string container)
    {
        var entries = Entries(container);
        Assert.NotEmpty(entries);

        foreach (var (name, _, value) in entries)
        {
            if (_hostVariables.Contains(name))
            {
                continue;
            }

            Assert.True(name.Contains("__", StringComparison.Ordinal), $"{name} is neither a host variable nor a configuration key.");
            var path = name.Split("__");
            var section = string.Join(':', path[..^1]);
            Assert.True(_sections.TryGetValue(section, out var types), $"{name}: no options class binds section {section}.");
            var type = types!.FirstOrDefault(t => t.GetProperty(path[^1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanWrite: true });
            Assert.True(type is not null, $"{name}: none of {string.Join(", ", types!.Select(t => t.Name))} has a settable property {path[^1]}.");
            var property = type!.GetProperty(path[^1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)!;

            // Bind the value the container gets (variable defaults; a stand-in for secrets) and refuse unknown keys.
            var configured = value.StartsWith("aws_secretsmanager_secret.", StringComparison.Ordinal) ? "secret-value" : _terraform.Resolve(value);
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection([new(name.Replace("__", ":", StringComparison.Ordinal), configured)])
                .Build();
            var options = Activator.CreateInstance(type)!;
            configuration.GetSection(section).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
            if (configured.Length > 0)
            {
                // Strings, TimeSpans (c format), enums and booleans read back as the text the container gets.
                Assert.Equal(configured, Convert.ToString(property.GetValue(options), System.Globalization.CultureInfo.InvariantCulture), ignoreCase: true);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Containers))]
    public void Variables_EachContainer_AreUnique(string container)
    {
        var names = Entries(container).Select(e => e.Name).ToList();

        Assert.Equal(names.Distinct(StringComparer.OrdinalIgnoreCase).Count(), names.Count);
    }

    [Fact]
    public void ClusterConfiguration_SiloFromTerraformEnvironment_UsesTheDynamoDbProvidersOnTheTerraformTables()
    {
        using var host = HostConfiguration.For("silo", _terraform);
        var services = host.Services;

        AssertOnTerraformTable(services.GetRequiredService<IOptionsMonitor<DynamoDBStorageOptions>>().Get(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME), "grain_state");
        AssertOnTerraformTable(services.GetRequiredService<IOptions<DynamoDBClusteringOptions>>().Value, "membership");
        AssertOnTerraformTable(services.GetRequiredService<IOptions<DynamoDBReminderStorageOptions>>().Value, "reminders");
        AssertOnTerraformTable(services.GetRequiredService<IOptions<DynamoDBKeyRingOptions>>().Value, "key_ring");
        Assert.Equal(typeof(DynamoDBMembershipTable), host.ImplementationOf<IMembershipTable>());
        Assert.Equal(typeof(DynamoDBReminderTable), host.ImplementationOf<IReminderTable>());
        AssertClusterIds(services);

        var settings = services.GetRequiredService<IConfiguration>().GetSection(ClusterSettings.SectionName).Get<ClusterSettings>()!;
        Assert.Equal(ClusterProvider.DynamoDB, settings.Provider);
        Assert.Null(settings.AdvertisedIPAddress);
    }

    [Fact]
    public void ClusterConfiguration_GatewayFromTerraformEnvironment_IsAClientListingGatewaysFromTheMembershipTable()
    {
        using var host = HostConfiguration.For("gateway", _terraform);
        var services = host.Services;

        AssertOnTerraformTable(services.GetRequiredService<IOptions<DynamoDBGatewayOptions>>().Value, "membership");
        AssertOnTerraformTable(services.GetRequiredService<IOptions<DynamoDBKeyRingOptions>>().Value, "key_ring");
        Assert.Equal(typeof(DynamoDBGatewayListProvider), host.ImplementationOf<IGatewayListProvider>());
        Assert.Null(host.ImplementationOf<IMembershipTable>());
        AssertClusterIds(services);
    }

    [Fact]
    public void MembershipTimings_FromTerraformEnvironment_ReachTheSilo()
    {
        using var host = HostConfiguration.For("silo", _terraform);

        var membership = host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
        Assert.Equal(Span("membership_probe_timeout"), membership.ProbeTimeout);
        Assert.Equal(int.Parse(_terraform.VariableDefault("membership_missed_probes_limit"), System.Globalization.CultureInfo.InvariantCulture), membership.NumMissedProbesLimit);
        Assert.Equal(Span("membership_table_refresh_timeout"), membership.TableRefreshTimeout);
        Assert.Equal(Span("membership_iamalive_publish_timeout"), membership.IAmAliveTablePublishTimeout);
    }

    [Theory]
    [MemberData(nameof(Containers))]
    public void Telemetry_FromTerraformEnvironment_TheHostExportsOverOtlp(string container)
    {
        using var host = HostConfiguration.For(container, _terraform);

        Assert.NotNull(host.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.NotNull(host.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    [Fact]
    public void ServiceId_GatewayAndSilo_Agree()
    {
        Assert.Equal(Value("gateway", "Cluster__ServiceId"), Value("silo", "Cluster__ServiceId"));
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("silo")]
    public void Secrets_EachContainer_ComeFromSecretsManagerAndTheExecutionRoleMayReadThem(string container)
    {
        var required = container == "gateway" ? _requiredGatewaySecrets : _requiredSiloSecrets;
        var secrets = Entries(container).Where(e => e.Key == "valueFrom").ToList();
        var executionPolicy = _terraform.Data("aws_iam_policy_document", "execution");
        var declared = _terraform.ResourceNames("aws_secretsmanager_secret");

        Assert.Superset(required.ToHashSet(StringComparer.Ordinal), secrets.Select(s => s.Name).ToHashSet(StringComparer.Ordinal));
        foreach (var (name, _, value) in secrets)
        {
            var match = Regex.Match(value, "^aws_secretsmanager_secret\\.(\\w+)\\.arn$");
            Assert.True(match.Success, $"{name} must reference a Secrets Manager secret, not {value}.");
            Assert.Contains(match.Groups[1].Value, declared);
            Assert.Contains(value, executionPolicy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Secrets_AnyContainer_AreNeverPlainEnvironmentValues()
    {
        var plain = Terraform.NameValueEntries(_terraform.Text).Where(e => e.Key == "value").Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var secret in _requiredGatewaySecrets)
        {
            Assert.DoesNotContain(secret, plain);
        }
    }

    [Fact]
    public void JwtSigningKey_Generated_IsLongEnoughForHs256()
    {
        var length = int.Parse(Terraform.Attribute(_terraform.Resource("random_password", "jwt_signing_key"), "length"), System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(length >= AuthOptions.MinimumSigningKeyBytes, $"{length} characters < {AuthOptions.MinimumSigningKeyBytes} bytes.");
        Assert.Contains("random_password.jwt_signing_key.result", _terraform.Resource("aws_secretsmanager_secret_version", "jwt_signing_key"), StringComparison.Ordinal);
    }

    [Fact]
    public void AuthSettings_TerraformDefaults_EqualGatewayDefaults()
    {
        Assert.Equal(AuthOptions.DefaultIssuer, _terraform.Resolve(Value("gateway", "Auth__Issuer")));
        Assert.Equal(AuthOptions.DefaultAudience, _terraform.Resolve(Value("gateway", "Auth__Audience")));
    }

    private static TimeSpan Span(string variable) => TimeSpan.Parse(_terraform.VariableDefault(variable), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The provider uses the Terraform table in the region, checks it instead of creating it, and calls AWS (no local endpoint).</summary>
    private static void AssertOnTerraformTable(DynamoDBTableOptions options, string resource)
    {
        Assert.Equal(_terraform.Resolve(Terraform.Attribute(_terraform.Resource("aws_dynamodb_table", resource), "name")), options.TableName);
        Assert.False(options.CreateIfNotExists);
        Assert.Null(options.ServiceUrl);
        Assert.Equal(_terraform.VariableDefault("region"), options.Region);
    }

    private static void AssertClusterIds(IServiceProvider services)
    {
        var cluster = services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal(_terraform.VariableDefault("service_id"), cluster.ServiceId);
        Assert.Equal(_terraform.VariableDefault("cluster_id"), cluster.ClusterId);
    }

    internal static IReadOnlyList<(string Name, string Key, string Value)> Entries(string container)
    {
        var environment = _terraform.Local($"{container}_environment");
        var entries = Terraform.NameValueEntries(environment).ToList();
        if (environment.Contains("local.common_environment", StringComparison.Ordinal))
        {
            entries.AddRange(Terraform.NameValueEntries(_terraform.Local("common_environment")));
        }

        entries.AddRange(Terraform.NameValueEntries(_terraform.Local($"{container}_secrets")));
        return entries;
    }

    internal static string Value(string container, string name) => Entries(container).Single(e => e.Name == name).Value;
}
