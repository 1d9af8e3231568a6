using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Scheduler.Runtime.DynamoDB;

namespace Scheduler.Deploy.Tests;

public sealed class DynamoDbTableTests
{
    private static readonly Terraform _terraform = Terraform.Load();

    public static TheoryData<string> Tables => new() { "grain_state", "reminders", "membership" };

    [Fact]
    public void TablePrefix_TerraformDefault_EqualsProviderDefault()
    {
        Assert.Equal(new DynamoDbOptions().TablePrefix, _terraform.VariableDefault("table_prefix"));
    }

    [Fact]
    public void TableNames_FromTerraformPrefix_EqualProviderNames()
    {
        var options = new DynamoDbOptions { TablePrefix = _terraform.VariableDefault("table_prefix") };

        Assert.Equal(options.GrainStateTableName, TableName("grain_state"));
        Assert.Equal(options.ReminderTableName, TableName("reminders"));
        Assert.Equal(options.MembershipTableName, TableName("membership"));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task KeySchema_TerraformTable_EqualsProviderDefinition(string resource)
    {
        var definition = await ProviderDefinitionAsync(TableName(resource));
        var body = _terraform.Resource("aws_dynamodb_table", resource);

        var hash = definition.KeySchema.Single(k => k.KeyType == KeyType.HASH).AttributeName;
        var range = definition.KeySchema.Single(k => k.KeyType == KeyType.RANGE).AttributeName;
        Assert.Equal(hash, Terraform.Unquote(Terraform.Attribute(body, "hash_key")));
        Assert.Equal(range, Terraform.Unquote(Terraform.Attribute(body, "range_key")));

        var declared = Terraform.Blocks(body, "attribute")
            .Select(a => (Name: Terraform.Unquote(Terraform.Attribute(a, "name")), Type: Terraform.Unquote(Terraform.Attribute(a, "type"))))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        var expected = definition.AttributeDefinitions
            .Select(a => (Name: a.AttributeName, Type: a.AttributeType.Value))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, declared);
        Assert.Equal(definition.BillingMode.Value, Terraform.Unquote(Terraform.Attribute(body, "billing_mode")));
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
    public void TaskPolicy_DynamoDb_GrantsTheProviderCallsOnTheThreeTablesOnly()
    {
        var statement = Terraform.Blocks(_terraform.Data("aws_iam_policy_document", "task"), "statement")
            .Single(s => s.Contains("dynamodb:", StringComparison.Ordinal));
        var actions = Regex.Matches(statement, "\"dynamodb:(\\w+)\"").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        // The calls the grain storage, the reminder and membership tables and the readiness probe make; tables are created by Terraform, not by the silos.
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "DescribeTable" }, actions);
        Assert.DoesNotContain("*", actions);
        Assert.DoesNotContain("CreateTable", actions);
        Assert.Contains("aws_dynamodb_table.grain_state.arn", statement, StringComparison.Ordinal);
        Assert.Contains("aws_dynamodb_table.reminders.arn", statement, StringComparison.Ordinal);
        Assert.Contains("aws_dynamodb_table.membership.arn", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("\"*\"", Terraform.Attribute(statement, "resources"), StringComparison.Ordinal);
    }

    private static string TableName(string resource) => _terraform.Resolve(Terraform.Attribute(_terraform.Resource("aws_dynamodb_table", resource), "name"));

    private static async Task<CreateTableRequest> ProviderDefinitionAsync(string tableName)
    {
        var (client, recorder) = CapturingDynamoDb.Create();
        await DynamoDbTables.EnsureTableAsync(client, tableName, TimeProvider.System, TimeSpan.FromSeconds(10), logger: null, CancellationToken.None);
        return Assert.Single(recorder.Created);
    }
}
