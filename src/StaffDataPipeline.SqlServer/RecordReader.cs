using System.Collections;
using System.Data.Common;

namespace StaffDataPipeline.SqlServer;

/// <summary>
/// A forward-only DbDataReader over records as they come, for SqlBulkCopy with EnableStreaming: nothing is held but
/// the current record, so memory does not grow with the file. Columns are named accessors; SqlBulkCopy maps them by name.
/// </summary>
internal sealed class RecordReader<T> : DbDataReader
{
    private readonly IAsyncEnumerator<T> _records;
    private readonly (string Name, Type Type, Func<T, object?> Get)[] _columns;
    private T? _current;

    public RecordReader(IAsyncEnumerable<T> records, (string Name, Type Type, Func<T, object?> Get)[] columns, CancellationToken ct)
    {
        _records = records.GetAsyncEnumerator(ct);
        _columns = columns;
    }

    public RecordReader(IEnumerable<T> records, (string Name, Type Type, Func<T, object?> Get)[] columns)
        : this(ToAsync(records), columns, CancellationToken.None)
    {
    }

    public override int FieldCount => _columns.Length;

    public override bool HasRows => true;

    public override bool IsClosed => false;

    public override int RecordsAffected => -1;

    public override int Depth => 0;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read() => ReadAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await _records.MoveNextAsync())
        {
            return false;
        }

        _current = _records.Current;
        return true;
    }

    public override object GetValue(int ordinal) => _columns[ordinal].Get(_current!) ?? DBNull.Value;

    public override bool IsDBNull(int ordinal) => _columns[ordinal].Get(_current!) is null;

    public override string GetName(int ordinal) => _columns[ordinal].Name;

    public override int GetOrdinal(string name) => Array.FindIndex(_columns, c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public override Type GetFieldType(int ordinal) => _columns[ordinal].Type;

    public override string GetDataTypeName(int ordinal) => _columns[ordinal].Type.Name;

    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = Math.Min(values.Length, _columns.Length);
        for (var i = 0; i < n; i++)
        {
            values[i] = GetValue(i);
        }

        return n;
    }

    public override bool NextResult() => false;

    /// <summary>The column list, for consumers that ask for it (SqlBulkCopy may when it maps columns).</summary>
    public override System.Data.DataTable GetSchemaTable()
    {
        var schema = new System.Data.DataTable("SchemaTable") { Locale = System.Globalization.CultureInfo.InvariantCulture };
        schema.Columns.Add(SchemaTableColumn.ColumnName, typeof(string));
        schema.Columns.Add(SchemaTableColumn.ColumnOrdinal, typeof(int));
        schema.Columns.Add(SchemaTableColumn.ColumnSize, typeof(int));
        schema.Columns.Add(SchemaTableColumn.NumericPrecision, typeof(short));
        schema.Columns.Add(SchemaTableColumn.NumericScale, typeof(short));
        schema.Columns.Add(SchemaTableColumn.DataType, typeof(Type));
        schema.Columns.Add(SchemaTableColumn.ProviderType, typeof(int));
        schema.Columns.Add(SchemaTableColumn.IsLong, typeof(bool));
        schema.Columns.Add(SchemaTableColumn.AllowDBNull, typeof(bool));
        schema.Columns.Add(SchemaTableOptionalColumn.IsReadOnly, typeof(bool));
        schema.Columns.Add(SchemaTableOptionalColumn.IsRowVersion, typeof(bool));
        schema.Columns.Add(SchemaTableColumn.IsUnique, typeof(bool));
        schema.Columns.Add(SchemaTableColumn.IsKey, typeof(bool));
        schema.Columns.Add(SchemaTableOptionalColumn.IsAutoIncrement, typeof(bool));
        schema.Columns.Add(SchemaTableColumn.BaseSchemaName, typeof(string));
        schema.Columns.Add(SchemaTableOptionalColumn.BaseCatalogName, typeof(string));
        schema.Columns.Add(SchemaTableColumn.BaseTableName, typeof(string));
        schema.Columns.Add(SchemaTableColumn.BaseColumnName, typeof(string));
        for (var i = 0; i < _columns.Length; i++)
        {
            var (name, type, _) = _columns[i];
            schema.Rows.Add(name, i, -1, DBNull.Value, DBNull.Value, type, DBNull.Value, false, true, true, false, false, false, false, DBNull.Value, DBNull.Value, DBNull.Value, name);
        }

        return schema;
    }

    public override bool GetBoolean(int ordinal) => (bool)GetValue(ordinal);

    public override byte GetByte(int ordinal) => (byte)GetValue(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override char GetChar(int ordinal) => (char)GetValue(ordinal);

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override DateTime GetDateTime(int ordinal) => (DateTime)GetValue(ordinal);

    public override decimal GetDecimal(int ordinal) => (decimal)GetValue(ordinal);

    public override double GetDouble(int ordinal) => (double)GetValue(ordinal);

    public override float GetFloat(int ordinal) => (float)GetValue(ordinal);

    public override Guid GetGuid(int ordinal) => (Guid)GetValue(ordinal);

    public override short GetInt16(int ordinal) => (short)GetValue(ordinal);

    public override int GetInt32(int ordinal) => (int)GetValue(ordinal);

    public override long GetInt64(int ordinal) => (long)GetValue(ordinal);

    public override string GetString(int ordinal) => (string)GetValue(ordinal);

    public override IEnumerator GetEnumerator() => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await _records.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _records.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

#pragma warning disable CS1998 // an async iterator over a list: no awaits needed
    private static async IAsyncEnumerable<T> ToAsync(IEnumerable<T> records)
    {
        foreach (var record in records)
        {
            yield return record;
        }
    }
#pragma warning restore CS1998
}
