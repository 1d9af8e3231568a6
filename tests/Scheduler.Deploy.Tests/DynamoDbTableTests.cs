using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Scheduler.Providers.DynamoDB.Clustering;
using Scheduler.Providers.DynamoDB.Common;
using Scheduler.Providers.DynamoDB.DataProtection;
using Scheduler.Providers.DynamoDB.Reminders;
using Scheduler.Providers.DynamoDB.Storage;

namespace Scheduler.Deploy.Tests;

/// <summary>Terraform's tables are the ones the DynamoDB adapters use: the official Orleans names and layouts (docs/DYNAMODB-SCHEMAS.md) and the key ring.</summary>
public sealed class DynamoDbTableTests
{
    private static readonly Terraform _terraform = Terraform.Load();

    public static TheoryData<string> Tables => new() { "grain_state", "membership", "reminders", "key_ring" };

    [Fact]
    public void TableNames_Terraform_AreTheProvidersDefaultNames()
    {
        Assert.Equal(DynamoDBStorageOptions.DefaultTableName, TableName("grain_state"));
        Assert.Equal(DynamoDBClusteringOptions.DefaultTableName, TableName("membership"));
        Assert.Equal(DynamoDBReminderStorageOptions.DefaultTableName, TableName("reminders"));
        Assert.Equal(DynamoDBKeyRingOptions.DefaultTableName, TableName("key_ring"));
        Assert.Equal(new DynamoDBGatewayOptions().TableName, TableName("membership"));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task KeysAndIndexes_TerraformTable_EqualProviderDefinition(string resource)
    {
        var definition = await ProviderDefinitionAsync(resource);
        var body = _terraform.Resource("aws_dynamodb_table", resource);

        Assert.Equal(Key(definition.KeySchema, "HASH"), Terraform.Unquote(Terraform.Attribute(body, "hash_key")));
        Assert.Equal(Key(definition.KeySchema, "RANGE"), Terraform.Unquote(Terraform.Attribute(body, "range_key")));
        var declared = Terraform.Blocks(body, "attribute")
            .Select(a => (Name: Terraform.Unquote(Terraform.Attribute(a, "name")), Type: Terraform.Unquote(Terraform.Attribute(a, "type"))))
            .OrderBy(a => a.Name, StringComparer.Ordinal);
        var expected = definition.AttributeDefinitions
            .Select(a => (Name: a.AttributeName, Type: a.AttributeType.Value))
            .OrderBy(a => a.Name, StringComparer.Ordinal);
        Assert.Equal(expected, declared);
        Assert.Equal(definition.BillingMode.Value, Terraform.Unquote(Terraform.Attribute(body, "billing_mode")));

        var indexes = Terraform.Blocks(body, "global_secondary_index")
            .Select(i => $"{Terraform.Unquote(Terraform.Attribute(i, "name"))}({Terraform.Unquote(Terraform.Attribute(i, "hash_key"))}, {Terraform.Unquote(Terraform.Attribute(i, "range_key"))}) {Terraform.Unquote(Terraform.Attribute(i, "projection_type"))}")
            .Order(StringComparer.Ordinal);
        var expectedIndexes = (definition.GlobalSecondaryIndexes ?? [])
            .Select(i => $"{i.IndexName}({Key(i.KeySchema, "HASH")}, {Key(i.KeySchema, "RANGE")}) {i.Projection.ProjectionType.Value}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expectedIndexes, indexes);
    }

    [Fact]
    public void Reminders_Terraform_HasBothIndexesTheReminderTableQueries()
    {
        var body = _terraform.Resource("aws_dynamodb_table", "reminders");

        var names = Terraform.Blocks(body, "global_secondary_index").Select(i => Terraform.Unquote(Terraform.Attribute(i, "name")));

        Assert.Equal(["ServiceIdIndex", "ServiceIdGrainReferenceIndex"], names);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Table_Terraform_HasPointInTimeRecoveryAndDeletionProtection(string resource)
    {
        var body = _terraform.Resource("aws_dynamodb_table", resource);

        Assert.Equal("true", Terraform.Attribute(Assert.Single(Terraform.Blocks(body, "point_in_time_recovery")), "enabled"));
        Assert.Equal("true", Terraform.Attribute(body, "deletion_protection_enabled"));
    }

    [Fact]
    public void TaskPolicy_DynamoDb_GrantsTheProviderCallsOnTheFourTablesAndReminderIndexesOnly()
    {
        var statement = Terraform.Blocks(_terraform.Data("aws_iam_policy_document", "task"), "statement")
            .Single(s => s.Contains("dynamodb:", StringComparison.Ordinal));
        var actions = Regex.Matches(statement, "\"dynamodb:(\\w+)\"").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        // Item calls of grain storage, membership (its transactions are authorised per item action), reminders and the
        // key ring, index queries and the start-up table check; tables are created by Terraform, not by the hosts.
        Assert.Equal(new HashSet<string>(StringComparer.Ordinal) { "GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "DescribeTable" }, actions);
        foreach (var table in Tables)
        {
            Assert.Contains($"aws_dynamodb_table.{table}.arn", statement, StringComparison.Ordinal);
        }

        Assert.Contains("${aws_dynamodb_table.reminders.arn}/index/*", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("\"*\"", statement, StringComparison.Ordinal);
    }

    private static string TableName(string resource) => _terraform.Resolve(Terraform.Attribute(_terraform.Resource("aws_dynamodb_table", resource), "name"));

    private static string Key(List<KeySchemaElement> keys, string type) => keys.Single(k => k.KeyType.Value == type).AttributeName;

    /// <summary>The table the provider creates when it is missing (on-demand capacity, its defaults).</summary>
    private static async Task<CreateTableRequest> ProviderDefinitionAsync(string resource)
    {
        var (options, schema) = resource switch
        {
            "grain_state" => ((DynamoDBTableOptions)new DynamoDBStorageOptions(), GrainStateTable.Schema(withTimeToLive: false)),
            "membership" => (new DynamoDBClusteringOptions(), SiloInstanceItem.Schema),
            "reminders" => (new DynamoDBReminderStorageOptions(), ReminderItem.Schema),
            "key_ring" => (new DynamoDBKeyRingOptions(), DynamoDBXmlRepository.Schema),
            _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, null),
        };
        var (client, recorder) = CapturingDynamoDb.Create();
        await DynamoDBTableInitializer.EnsureAsync(client, options, schema, NullLogger.Instance, CancellationToken.None);
        return Assert.Single(recorder.Created);
    }
}
