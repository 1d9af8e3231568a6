namespace Scheduler.Runtime.Sqlite;

/// <summary>The tables of the embedded SQLite store.</summary>
internal static class SqliteSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS grain_state (
            service_id  TEXT    NOT NULL,
            grain_type  TEXT    NOT NULL,
            grain_key   TEXT    NOT NULL,
            state_name  TEXT    NOT NULL,
            etag        INTEGER NOT NULL,
            payload     BLOB    NOT NULL,
            modified_at INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_type, grain_key, state_name)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS reminders (
            service_id    TEXT    NOT NULL,
            grain_type    TEXT    NOT NULL,
            grain_key     TEXT    NOT NULL,
            reminder_name TEXT    NOT NULL,
            grain_hash    INTEGER NOT NULL,
            first_due     INTEGER NOT NULL,
            period_ms     INTEGER NOT NULL,
            next_due      INTEGER NOT NULL,
            etag          INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_type, grain_key, reminder_name)
        ) WITHOUT ROWID;
        """;
}
