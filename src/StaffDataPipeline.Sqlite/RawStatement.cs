using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace StaffDataPipeline.Sqlite;

/// <summary>
/// A statement prepared once on the batch's connection (so it runs inside the batch's transaction) and executed once a
/// row through SQLitePCL.raw, the layer Microsoft.Data.Sqlite is built on. For the statements that run per row, the
/// ADO.NET layer's per-call work (a parameter object and a boxed value per column, a reader per query) cost more than
/// SQLite's own; here a row costs the binds and one step. Errors become the same SqliteException ADO.NET throws.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Parameters are numbered from 1, in the order they appear in the SQL.</summary>
    public RawStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    public RawStatement Bind(int index, double value)
    {
        Check(raw.sqlite3_bind_double(_statement, index, value));
        return this;
    }

    public RawStatement Bind(int index, string value)
    {
        Check(raw.sqlite3_bind_text(_statement, index, value));
        return this;
    }

    /// <summary>Binds the number, or NULL when there is none.</summary>
    public RawStatement Bind(int index, decimal? value) => value is { } number ? Bind(index, (double)number) : BindNull(index);

    /// <summary>Binds the flag as 1 or 0, or NULL when there is none.</summary>
    public RawStatement Bind(int index, bool? value) => value is { } flag ? Bind(index, flag ? 1L : 0L) : BindNull(index);

    /// <summary>Binds the text, or NULL when there is none.</summary>
    public RawStatement BindText(int index, string? value) => value is null ? BindNull(index) : Bind(index, value);

    private RawStatement BindNull(int index)
    {
        Check(raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    /// <summary>Runs a statement that returns no row.</summary>
    public void Execute()
    {
        try
        {
            Check(raw.sqlite3_step(_statement), raw.SQLITE_DONE);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs a statement and reads its first row with <paramref name="read"/>; default when it returns none.</summary>
    public T? ReadFirst<T>(Func<RawStatement, T> read)
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_DONE)
            {
                return default;
            }

            Check(rc, raw.SQLITE_ROW);
            return read(this);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs a query and reads every row it returns with <paramref name="read"/>.</summary>
    public void ReadAll(Action<RawStatement> read)
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
                read(this);
            }

            Check(rc, raw.SQLITE_DONE);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>The column as text ('' when NULL).</summary>
    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string() ?? string.Empty;

    public void Dispose() => _statement.Dispose();

    private void Check(int rc, int expected = raw.SQLITE_OK)
    {
        if (rc != expected)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
            throw new SqliteException($"SQLite returned {rc}.", rc);
        }
    }
}
