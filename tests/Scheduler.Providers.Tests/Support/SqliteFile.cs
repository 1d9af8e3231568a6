namespace Scheduler.Providers.Tests.Support;

/// <summary>Reads a test database file directly, read-only and unpooled, bypassing the adapters.</summary>
public static class SqliteFile
{
    public static async Task<object?> ScalarAsync(string path, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(path);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The <c>detail</c> column of <c>EXPLAIN QUERY PLAN</c> for <paramref name="sql"/>.</summary>
    public static async Task<IReadOnlyList<string>> QueryPlanAsync(string path, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(path);
        await using var command = Command(connection, "EXPLAIN QUERY PLAN " + sql, parameters);
        var details = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(3));
        }

        return details;
    }

    /// <summary>Runs <paramref name="sql"/> on a read-write, unpooled connection (for DDL the adapters never run).</summary>
    public static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = await OpenReadWriteAsync(path);
        await using var command = Command(connection, sql, []);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Takes the file's write lock (<c>BEGIN IMMEDIATE</c>) until the returned connection is disposed.</summary>
    public static async Task<SqliteConnection> HoldWriteLockAsync(string path)
    {
        var connection = await OpenReadWriteAsync(path);
        await using var command = Command(connection, "BEGIN IMMEDIATE", []);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task<SqliteConnection> OpenReadWriteAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
