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

        CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (service_id, grain_hash);

        CREATE TABLE IF NOT EXISTS membership_version (
            service_id TEXT    NOT NULL,
            cluster_id TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            etag       INTEGER NOT NULL,
            PRIMARY KEY (service_id, cluster_id)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS membership (
            service_id TEXT    NOT NULL,
            cluster_id TEXT    NOT NULL,
            silo_key   TEXT    NOT NULL,
            entry      TEXT    NOT NULL,
            status     TEXT    NOT NULL,
            i_am_alive INTEGER NOT NULL,
            etag       INTEGER NOT NULL,
            PRIMARY KEY (service_id, cluster_id, silo_key)
        ) WITHOUT ROWID;
        """;
}
