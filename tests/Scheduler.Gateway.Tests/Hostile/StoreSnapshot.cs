using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Scheduler.Gateway.Tests.Hostile;

/// <summary>
/// What the gateway's embedded store holds at one moment: every row of every table of every SQLite database under the
/// data directory, read in one read transaction per file, each row hashed (SHA-256 over every
/// column's type and bytes) and the rows ordered by their text columns and hash. Two snapshots are equal when <see cref="Digest"/> is; <see cref="Describe"/> names the
/// rows that differ.
/// </summary>
internal sealed class StoreSnapshot
{
    private StoreSnapshot(IReadOnlyList<(string Key, string Hash)> rows, string digest)
    {
        Rows = rows;
        Digest = digest;
    }

    /// <summary>The rows in a stable order: key (file, table and the row's text columns) and row hash.</summary>
    public IReadOnlyList<(string Key, string Hash)> Rows { get; }

    /// <summary>SHA-256 over every row, hex.</summary>
    public string Digest { get; }

    /// <summary>The SQLite files under <paramref name="directory"/> (any file that starts with the SQLite header), ordered by path.</summary>
    public static IReadOnlyList<string> FindDatabases(string directory)
    {
        var header = "SQLite format 3\0"u8.ToArray();
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var start = new byte[header.Length];
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Read(start) == header.Length && start.AsSpan().SequenceEqual(header))
            {
                found.Add(file);
            }
        }

        return found;
    }

    /// <summary>Reads every database.</summary>
    public static StoreSnapshot Take(IReadOnlyList<string> databases)
    {
        var rows = new List<(string Key, string Hash)>();
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var database in databases)
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString());
            connection.Open();
            using var transaction = connection.BeginTransaction(deferred: true);
            foreach (var table in Tables(connection, transaction))
            {
                ReadTable(connection, transaction, $"{Path.GetFileName(database)}:{table}", table, rows, all);
            }
        }

        return new StoreSnapshot(rows, Convert.ToHexStringLower(all.GetHashAndReset()));
    }

    /// <summary>SHA-256 over the rows whose key satisfies <paramref name="include"/> (e.g. one tenant's grains).</summary>
    public string DigestOf(Func<string, bool> include)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (key, rowHash) in Rows.Where(r => include(r.Key)))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(key + "=" + rowHash + "\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The rows added, removed or changed from <paramref name="before"/> to <paramref name="after"/>, at most <paramref name="max"/>.</summary>
    public static string Describe(StoreSnapshot before, StoreSnapshot after, int max = 10)
    {
        var old = before.Rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => string.Join(",", g.Select(r => r.Hash)), StringComparer.Ordinal);
        var now = after.Rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => string.Join(",", g.Select(r => r.Hash)), StringComparer.Ordinal);
        var changes = old.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
            .Select(key => (key, Old: old.GetValueOrDefault(key), New: now.GetValueOrDefault(key)))
            .Where(c => c.Old != c.New)
            .Select(c => c.Old is null ? $"added {c.key}" : c.New is null ? $"removed {c.key}" : $"changed {c.key}")
            .ToList();
        return changes.Count == 0 ? "(no row differs)" : string.Join("; ", changes.Take(max)) + (changes.Count > max ? $"; … {changes.Count - max} more" : string.Empty);
    }

    private static List<string> Tables(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static void ReadTable(SqliteConnection connection, SqliteTransaction transaction, string label, string table, List<(string Key, string Hash)> rows, IncrementalHash all)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        using var reader = command.ExecuteReader();
        var tableRows = new List<(string Key, string Hash)>();
        while (reader.Read())
        {
            tableRows.Add(HashRow(label, reader));
        }

        tableRows.Sort((a, b) => string.CompareOrdinal(a.Key + "\n" + a.Hash, b.Key + "\n" + b.Hash));
        all.AppendData(Encoding.UTF8.GetBytes($"{label}\n"));
        foreach (var (_, hash) in tableRows)
        {
            all.AppendData(Encoding.UTF8.GetBytes(hash));
        }

        rows.AddRange(tableRows);
    }

    private static (string Key, string Hash) HashRow(string label, SqliteDataReader reader)
    {
        using var row = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var key = new StringBuilder(label);
        Span<byte> length = stackalloc byte[8];
        for (var i = 0; i < reader.FieldCount; i++)
        {
            byte[] bytes;
            byte tag;
            if (reader.IsDBNull(i))
            {
                (tag, bytes) = ((byte)0, []);
            }
            else
            {
                switch (reader.GetFieldType(i))
                {
                    case var t when t == typeof(long):
                        (tag, bytes) = ((byte)1, BitConverter.GetBytes(reader.GetInt64(i)));
                        break;
                    case var t when t == typeof(double):
                        (tag, bytes) = ((byte)2, BitConverter.GetBytes(reader.GetDouble(i)));
                        break;
                    case var t when t == typeof(string):
                        var text = reader.GetString(i);
                        (tag, bytes) = ((byte)3, Encoding.UTF8.GetBytes(text));
                        key.Append('|').Append(text.Length > 300 ? text[..300] + "…" : text);
                        break;
                    default:
                        (tag, bytes) = ((byte)4, (byte[])reader.GetValue(i));
                        break;
                }
            }

            row.AppendData([tag]);
            BitConverter.TryWriteBytes(length, (long)bytes.Length);
            row.AppendData(length);
            row.AppendData(bytes);
        }

        return (key.ToString(), Convert.ToHexStringLower(row.GetHashAndReset()));
    }
}
