namespace Scheduler.Runtime.DynamoDB;

/// <summary>Options of the DynamoDB providers (grain storage, reminder table, membership table), bound from configuration or set in code.</summary>
public sealed class DynamoDbOptions
{
    /// <summary>
    /// The endpoint to call instead of the region's public endpoint, for example
    /// <c>http://127.0.0.1:4567</c> for a local dynalite. <see langword="null"/> (the default) uses
    /// the endpoint of <see cref="Region"/>.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The AWS region name (default <c>us-east-1</c>); with <see cref="ServiceUrl"/> it is only used to sign requests.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Prefix of every table name (default <c>scheduler-</c>): tables are <c>{prefix}grain-state</c>, <c>{prefix}reminders</c> and <c>{prefix}membership</c>.</summary>
    public string TablePrefix { get; set; } = "scheduler-";

    /// <summary>
    /// Whether the silo creates missing tables at startup (on-demand capacity) and waits until
    /// they are <c>ACTIVE</c>. Default <see langword="false"/>: in AWS the tables belong to the
    /// infrastructure code.
    /// </summary>
    public bool CreateTables { get; set; }

    /// <summary>How long startup waits for created tables to become <c>ACTIVE</c> (default 2 minutes).</summary>
    public TimeSpan TableActiveTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Whether to sign requests with the fixed local credentials <c>local</c>/<c>local</c> (for
    /// dynalite). <see langword="null"/> (the default) means: exactly when <see cref="ServiceUrl"/>
    /// is set. Otherwise the SDK's default credential chain is used (task role on Fargate).
    /// </summary>
    public bool? UseLocalCredentials { get; set; }

    /// <summary>
    /// Retries of a throttled or transiently failed request (SDK standard retry mode: exponential
    /// backoff with jitter). Default 8; 0 disables retries.
    /// </summary>
    public int MaxErrorRetry { get; set; } = 8;

    /// <summary>
    /// Number of high-order bits of the grain hash that select a reminder partition (bucket).
    /// Range 1–16, default 8 (256 buckets). Fixed for the lifetime of a table: changing it
    /// orphans stored reminders.
    /// </summary>
    public int ReminderBucketBits { get; set; } = ReminderBuckets.DefaultBits;

    /// <summary>The grain state table's name.</summary>
    public string GrainStateTableName => TablePrefix + "grain-state";

    /// <summary>The reminder table's name.</summary>
    public string ReminderTableName => TablePrefix + "reminders";

    /// <summary>The membership table's name.</summary>
    public string MembershipTableName => TablePrefix + "membership";
}
