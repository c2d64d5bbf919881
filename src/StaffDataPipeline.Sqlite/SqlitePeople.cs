using Microsoft.Data.Sqlite;

namespace StaffDataPipeline.Sqlite;

/// <summary>
/// dim_person keys by pseudonymised person key, through a bounded cache, a lookup on the key's first 16 characters
/// (ix_dim_person_key_prefix, sql/sqlite/0015: 64 bits of the keyed hash, a small index where the unique index on the
/// whole key was a large one) and an insert when the person is new.
/// </summary>
internal sealed class SqlitePeople : IDisposable
{
    // Bounds memory whatever the file size; a person's assignments sit close together in an export, so a few thousand
    // recent people find nearly every repeat (SqlitePositions says what more cost).
    private const int CacheSize = 2_048;
    private readonly Dictionary<string, long> _known = new(StringComparer.Ordinal);
    private readonly RawStatement _find;
    private readonly RawStatement _insert;
    private readonly SqliteConnection _connection;

    /// <summary>Runs inside the transaction the connection holds.</summary>
    public SqlitePeople(SqliteConnection connection)
    {
        _connection = connection;

        // The prefix must be written as the index's expression for SQLite to use the index; the whole key decides.
        _find = new RawStatement(connection, "SELECT person_id FROM dim_person WHERE substr(person_key, 1, 16) = substr(?1, 1, 16) AND person_key = ?1");
        _insert = new RawStatement(connection, "INSERT INTO dim_person (person_key) VALUES (?1)");
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

        if (_find.Bind(1, personKey).ReadFirst(static row => (long?)row.Int64(0)) is { } found)
        {
            id = found;
        }
        else
        {
            // SQLite gives the new row one more than the largest person_id, as the unique upsert this replaces did.
            _insert.Bind(1, personKey).Execute();
            id = SQLitePCL.raw.sqlite3_last_insert_rowid(_connection.Handle);
        }

        _known[personKey] = id;
        return id;
    }

    public void Dispose()
    {
        _find.Dispose();
        _insert.Dispose();
    }
}
