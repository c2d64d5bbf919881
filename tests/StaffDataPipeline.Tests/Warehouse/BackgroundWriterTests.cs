using StaffDataPipeline.Sqlite;

namespace StaffDataPipeline.Tests.Warehouse;

/// <summary>
/// The SQLite batch writer writes its rows on a thread of its own (issue 25): every row is written, in the order it was
/// added, before the batch goes on; a failed write reaches the pipeline, and the pipeline never waits on a writer that
/// has stopped.
/// </summary>
public sealed class BackgroundWriterTests
{
    [Fact]
    public void Every_row_is_written_in_order_on_another_thread_before_the_drain_returns()
    {
        var written = new List<int>();
        var threads = new HashSet<int>();
        using (var writer = new BackgroundWriter<string>(row =>
        {
            written.Add(int.Parse(row, System.Globalization.CultureInfo.InvariantCulture));
            threads.Add(Environment.CurrentManagedThreadId);
        }))
        {
            for (var i = 0; i < 10_001; i++)
            {
                writer.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            writer.Drain();
            Assert.Equal(Enumerable.Range(0, 10_001), written);
        }

        Assert.DoesNotContain(Environment.CurrentManagedThreadId, threads);
    }

    [Fact]
    public void A_failed_write_is_thrown_to_the_caller_and_later_rows_never_block()
    {
        var writes = 0;
        using var writer = new BackgroundWriter<string>(row =>
        {
            writes++;
            if (row == "700")
            {
                throw new InvalidOperationException("the write failed");
            }
        });

        // Far more rows than the queue holds: after the failure they are taken and dropped, so adding never blocks.
        var thrown = Record.Exception(() =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                writer.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            writer.Drain();
        });

        Assert.Equal("the write failed", Assert.IsType<InvalidOperationException>(thrown).Message);
        Assert.Equal(701, writes);
    }

    [Fact]
    public void Disposing_without_a_drain_writes_what_was_queued_and_does_not_throw_a_failure()
    {
        var written = 0;
        var writer = new BackgroundWriter<string>(row =>
        {
            written++;
            if (row == "3")
            {
                throw new InvalidOperationException("the write failed");
            }
        });
        writer.Add("1");
        writer.Add("2");
        writer.Add("3");

        writer.Dispose();

        Assert.Equal(3, written);
    }
}
