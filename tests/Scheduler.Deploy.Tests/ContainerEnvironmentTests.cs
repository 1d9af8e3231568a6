using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Scheduler.Gateway.Auth;
using Scheduler.Gateway.Hosting;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Notifications;
using Scheduler.Runtime.DynamoDB;
using Scheduler.Runtime.Hosting;

namespace Scheduler.Deploy.Tests;

public sealed class ContainerEnvironmentTests
{
    private static readonly Terraform _terraform = Terraform.Load();

    /// <summary>Configuration sections and the options classes the hosts bind them to (DynamoDb: the section the cluster wiring will bind).</summary>
    private static readonly Dictionary<string, Type> _sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [GatewayOptions.SectionName] = typeof(GatewayOptions),
        [AuthOptions.SectionName] = typeof(AuthOptions),
        ["Cluster"] = typeof(SiloOptions),
        ["DynamoDb"] = typeof(DynamoDbOptions),
        [SmtpOptions.SectionName] = typeof(SmtpOptions),
        [SlackOptions.SectionName] = typeof(SlackOptions),
        ["Calendars"] = typeof(CalendarSourceOptions),
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
            Assert.True(path.Length == 2, $"{name}: expected Section__Property.");
            Assert.True(_sections.TryGetValue(path[0], out var type), $"{name}: no options class binds section {path[0]}.");
            var property = type!.GetProperty(path[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            Assert.True(property is { CanWrite: true }, $"{name}: {type.Name} has no settable property {path[1]}.");

            // Bind the value the container gets (variable defaults; a stand-in for secrets) and refuse unknown keys.
            var configured = value.StartsWith("aws_secretsmanager_secret.", StringComparison.Ordinal) ? "secret-value" : _terraform.Resolve(value);
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection([new(name.Replace("__", ":", StringComparison.Ordinal), configured)])
                .Build();
            var options = Activator.CreateInstance(type)!;
            configuration.GetSection(path[0]).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
            if (property!.PropertyType == typeof(string) && configured.Length > 0)
            {
                Assert.Equal(configured, property.GetValue(options));
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
    public void DynamoDbSection_BoundFromTerraformEnvironment_NamesTheTerraformTables()
    {
        var values = Entries("silo")
            .Where(e => e.Name.StartsWith("DynamoDb__", StringComparison.Ordinal))
            .ToDictionary(e => e.Name.Replace("__", ":", StringComparison.Ordinal), e => (string?)_terraform.Resolve(e.Value));
        var options = new DynamoDbOptions();
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("DynamoDb").Bind(options);

        Assert.Equal(_terraform.Resolve(Terraform.Attribute(_terraform.Resource("aws_dynamodb_table", "grain_state"), "name")), options.GrainStateTableName);
        Assert.Equal(_terraform.Resolve(Terraform.Attribute(_terraform.Resource("aws_dynamodb_table", "reminders"), "name")), options.ReminderTableName);
        Assert.False(options.CreateTables);
        Assert.Null(options.ServiceUrl);
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
