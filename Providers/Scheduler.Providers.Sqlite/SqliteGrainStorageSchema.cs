namespace Scheduler.Providers.Sqlite;

/// <summary>The table of <see cref="SqliteGrainStorage"/>.</summary>
internal static class SqliteGrainStorageSchema
{
    /// <summary>
    /// One row per (service, grain, state name). <c>etag</c> starts at 1 and grows by one on every
    /// write or clear; <c>payload</c> is NULL for a cleared state kept as a tombstone;
    /// <c>modified_at</c> is the last write in Unix milliseconds (UTC). A rowid table, not
    /// WITHOUT ROWID, because payloads can be far larger than a page.
    /// </summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS orleans_grain_state (
            service_id  TEXT    NOT NULL,
            grain_id    TEXT    NOT NULL,
            state_name  TEXT    NOT NULL,
            etag        INTEGER NOT NULL,
            payload     BLOB,
            modified_at INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_id, state_name)
        );
        """;
}
