namespace Scheduler.Providers.Sqlite;

/// <summary>Options of <see cref="SqliteReminderTable"/>.</summary>
public sealed class SqliteReminderTableOptions : SqliteProviderOptions
{
}
