using Microsoft.Data.Sqlite;

namespace StaffDataPipeline.Sqlite;

/// <summary>dim_person keys by pseudonymised person key, through a bounded cache and one prepared upsert.</summary>
internal sealed class SqlitePeople : IDisposable
{
    // Bounds memory whatever the file size; a person's assignments sit close together in an export.
    private const int CacheSize = 8_192;
    private readonly Dictionary<string, long> _known = new(StringComparer.Ordinal);
    private readonly RawStatement _upsert;

    /// <summary>Runs inside the transaction the connection holds.</summary>
    public SqlitePeople(SqliteConnection connection)
    {
        // One statement per person, new or known: the no-op update makes RETURNING answer for existing rows too.
        _upsert = new RawStatement(connection, "INSERT INTO dim_person (person_key) VALUES (?1) ON CONFLICT (person_key) DO UPDATE SET person_key = excluded.person_key RETURNING person_id");
    }

    public long IdOf(string personKey)
    {
        if (_known.TryGetValue(personKey, out var id))
        {
            return id;
        }

        if (_known.Count >= CacheSize)
        {
            _known.Clear();
        }

        id = _upsert.Bind(1, personKey).ReadFirst(static row => row.Int64(0));
        _known[personKey] = id;
        return id;
    }

    public void Dispose() => _upsert.Dispose();
}
