using System.Text.RegularExpressions;

namespace Scheduler.Providers.DynamoDB.Common;

/// <summary>Options of a provider that owns one DynamoDB table: its name and whether the provider creates it.</summary>
public abstract partial class DynamoDBTableOptions : DynamoDBClientOptions
{
    /// <summary>Creates the options with the provider's default table name.</summary>
    /// <param name="defaultTableName">The table name used when none is configured.</param>
    protected DynamoDBTableOptions(string defaultTableName) => TableName = defaultTableName;

    /// <summary>The table's name: 3–255 characters of <c>a-z A-Z 0-9 _ - .</c>. Each provider defaults to the official Orleans provider's name.</summary>
    public string TableName { get; set; }

    /// <summary>
    /// Whether the provider creates its table when it is missing (with its key schema, secondary
    /// indexes and TTL setting) and waits until the table and its indexes are <c>ACTIVE</c>. Default
    /// <see langword="true"/>, as in the official providers. An existing table is checked (key
    /// schema and indexes) but never changed.
    /// </summary>
    public bool CreateIfNotExists { get; set; } = true;

    /// <summary>
    /// Whether a created table uses provisioned capacity (<see cref="ReadCapacityUnits"/>,
    /// <see cref="WriteCapacityUnits"/>, also for its indexes) instead of on-demand capacity
    /// (<c>PAY_PER_REQUEST</c>). Default <see langword="false"/>: on-demand.
    /// </summary>
    public bool UseProvisionedThroughput { get; set; }

    /// <summary>Read capacity units of a created table and of each of its indexes when <see cref="UseProvisionedThroughput"/> is set. Default 10.</summary>
    public int ReadCapacityUnits { get; set; } = 10;

    /// <summary>Write capacity units of a created table and of each of its indexes when <see cref="UseProvisionedThroughput"/> is set. Default 5.</summary>
    public int WriteCapacityUnits { get; set; } = 5;

    /// <summary>How long initialisation waits for the table and its indexes to become <c>ACTIVE</c>. Default 2 minutes.</summary>
    public TimeSpan TableActiveTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <inheritdoc/>
    internal override IEnumerable<string> Problems()
    {
        foreach (var problem in base.Problems())
        {
            yield return problem;
        }

        if (string.IsNullOrEmpty(TableName) || !TableNamePattern().IsMatch(TableName))
        {
            yield return $"{nameof(TableName)} must be 3-255 characters of a-z, A-Z, 0-9, '_', '-' and '.', not '{TableName}'.";
        }

        if (UseProvisionedThroughput && (ReadCapacityUnits < 1 || WriteCapacityUnits < 1))
        {
            yield return $"{nameof(ReadCapacityUnits)} and {nameof(WriteCapacityUnits)} must be at least 1 with {nameof(UseProvisionedThroughput)}.";
        }

        if (TableActiveTimeout <= TimeSpan.Zero)
        {
            yield return $"{nameof(TableActiveTimeout)} must be positive, not {TableActiveTimeout}.";
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9_.-]{3,255}$")]
    private static partial Regex TableNamePattern();
}
