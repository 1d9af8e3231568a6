using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Scheduler.Deploy.Tests;

/// <summary>
/// An <see cref="IAmazonDynamoDB"/> stand-in that records the <see cref="CreateTableRequest"/> a
/// provider sends when its table is missing (and then describes the table as created and active),
/// so the tests compare Terraform with the provider's own table definition instead of a copy of it.
/// </summary>
public class CapturingDynamoDb : DispatchProxy
{
    public List<CreateTableRequest> Created { get; } = [];

    public static (IAmazonDynamoDB Client, CapturingDynamoDb Recorder) Create()
    {
        var client = DispatchProxy.Create<IAmazonDynamoDB, CapturingDynamoDb>();
        return (client, (CapturingDynamoDb)(object)client);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        switch (targetMethod?.Name)
        {
            case nameof(IAmazonDynamoDB.DescribeTableAsync):
                var name = args is [DescribeTableRequest request, ..] ? request.TableName : args is [string table, ..] ? table : null;
                return Created.Find(c => c.TableName == name) is { } created
                    ? Task.FromResult(new DescribeTableResponse { Table = Describe(created) })
                    : Task.FromException<DescribeTableResponse>(new ResourceNotFoundException($"Table {name} not found"));
            case nameof(IAmazonDynamoDB.CreateTableAsync) when args is [CreateTableRequest create, ..]:
                Created.Add(create);
                return Task.FromResult(new CreateTableResponse());
            case nameof(IDisposable.Dispose):
                return null;
            default:
                throw new NotSupportedException($"{targetMethod?.Name} is not expected from table creation.");
        }
    }

    private static TableDescription Describe(CreateTableRequest created) => new()
    {
        TableName = created.TableName,
        TableStatus = TableStatus.ACTIVE,
        KeySchema = created.KeySchema,
        GlobalSecondaryIndexes = created.GlobalSecondaryIndexes?.Select(i => new GlobalSecondaryIndexDescription
        {
            IndexName = i.IndexName,
            KeySchema = i.KeySchema,
            IndexStatus = IndexStatus.ACTIVE,
        }).ToList(),
    };
}
