using System.Data;
using StaffDataPipeline.SqlServer;

namespace StaffDataPipeline.Tests.SqlServer;

/// <summary>
/// The reader SqlBulkCopy streams from must behave as ADO.NET readers do: DataTable.Load (which uses the schema table,
/// Read and GetValues) reads it back whole, NULLs included, and an asynchronous source is read as it arrives.
/// </summary>
public sealed class RecordReaderTests
{
    private static readonly (string Name, Type Type, Func<(int Id, string? Text, decimal? Fte), object?> Get)[] Columns =
    [
        ("id", typeof(int), r => r.Id),
        ("text", typeof(string), r => r.Text),
        ("fte", typeof(decimal), r => r.Fte),
    ];

    [Fact]
    public void A_list_reads_back_whole_through_DataTable_Load()
    {
        using var reader = new RecordReader<(int, string?, decimal?)>([(1, "a", 1.0m), (2, null, null)], Columns);
        var table = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };

        table.Load(reader);

        Assert.Equal(["id", "text", "fte"], table.Columns.Cast<DataColumn>().Select(c => c.ColumnName));
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal((object)"a", table.Rows[0]["text"]);
        Assert.Equal(DBNull.Value, table.Rows[1]["fte"]);
    }

    [Fact]
    public async Task An_asynchronous_source_is_read_as_it_arrives()
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<(int, string?, decimal?)>(2);
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await channel.Writer.WriteAsync((i, $"row {i}", i / 100m));
            }

            channel.Writer.Complete();
        });
        await using var reader = new RecordReader<(int, string?, decimal?)>(channel.Reader.ReadAllAsync(), Columns, CancellationToken.None);

        var ids = new List<int>();
        while (await reader.ReadAsync())
        {
            ids.Add((int)reader.GetValue(reader.GetOrdinal("ID")));
        }

        await writer;
        Assert.Equal(Enumerable.Range(0, 100), ids);
    }
}
