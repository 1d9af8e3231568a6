namespace Scheduler.Providers.Sqlite;

/// <summary>The table of <see cref="SqliteReminderTable"/>.</summary>
internal static class SqliteReminderTableSchema
{
    /// <summary>
    /// One row per (service, grain, reminder name). <c>grain_hash</c> is
    /// <c>GrainId.GetUniformHashCode()</c> (0 to 2^32 − 1), indexed with the service id so that
    /// range reads seek instead of scanning; <c>start_at</c> is UTC in ticks (100 ns since
    /// 0001-01-01), <c>period</c> in ticks; <c>etag</c> is a random positive 63-bit number
    /// replaced on every upsert.
    /// </summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS orleans_reminders (
            service_id    TEXT    NOT NULL,
            grain_id      TEXT    NOT NULL,
            reminder_name TEXT    NOT NULL,
            grain_hash    INTEGER NOT NULL,
            start_at      INTEGER NOT NULL,
            period        INTEGER NOT NULL,
            etag          INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        ) WITHOUT ROWID;

        CREATE INDEX IF NOT EXISTS orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);
        """;
}
