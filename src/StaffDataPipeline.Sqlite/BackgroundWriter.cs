using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace StaffDataPipeline.Sqlite;

/// <summary>
/// Runs a batch's per-row writes on a thread of its own, so that a load uses two cores: the pipeline's thread reads,
/// maps and pseudonymises the next rows while this one writes the last. Rows travel in chunks through a bounded queue
/// (memory stays flat: at most <see cref="Chunks"/> chunks wait), in the order they were added, and the connection is
/// only ever used by one thread at a time: this one between the first row and <see cref="Drain"/>, the caller's after.
/// A write that fails stops the writes; the failure is thrown to the caller at its next row or at <see cref="Drain"/>,
/// so the batch is abandoned as it was when the write ran on the caller's thread.
/// </summary>
internal sealed class BackgroundWriter<T> : IDisposable
    where T : class
{
    private const int ChunkSize = 512;

    // Two chunks wait at most, as many as keep both threads busy. When every row is stored the writer is the slower
    // thread and the queue stays full; rows waiting in it outlive young collections and are promoted, so a deeper queue
    // only grew the old generation: 8 chunks peaked 6 MB higher on 1.5 million rows, in the same time.
    private const int Chunks = 2;
    private readonly BlockingCollection<T[]> _queue = new(Chunks);
    private readonly Action<T> _write;
    private readonly Thread _thread;
    private T[] _chunk = new T[ChunkSize];
    private int _count;
    private volatile ExceptionDispatchInfo? _fault;
    private bool _drained;

    public BackgroundWriter(Action<T> write)
    {
        _write = write;
        _thread = new Thread(Run) { IsBackground = true, Name = "StaffDataPipeline SQLite writer" };
        _thread.Start();
    }

    /// <summary>Queues the row; blocks while the queue is full. Throws the failure of an earlier write, if any.</summary>
    public void Add(T row)
    {
        _fault?.Throw();
        _chunk[_count++] = row;
        if (_count == ChunkSize)
        {
            _queue.Add(_chunk);
            _chunk = new T[ChunkSize];
            _count = 0;
        }
    }

    /// <summary>Waits until every queued row is written and the thread has ended; throws the failure of a write, if any.</summary>
    public void Drain()
    {
        Stop();
        _fault?.Throw();
    }

    public void Dispose()
    {
        Stop();
        _queue.Dispose();
    }

    private void Stop()
    {
        if (_drained)
        {
            return;
        }

        _drained = true;
        if (_count > 0)
        {
            _queue.Add(_chunk[.._count]);
            _count = 0;
        }

        _queue.CompleteAdding();
        _thread.Join();
    }

    private void Run()
    {
        foreach (var chunk in _queue.GetConsumingEnumerable())
        {
            // After a failure the rest is taken and dropped, so that the caller never waits on a full queue.
            if (_fault is not null)
            {
                continue;
            }

            try
            {
                foreach (var row in chunk)
                {
                    _write(row);
                }
            }
            catch (Exception ex)
            {
                _fault = ExceptionDispatchInfo.Capture(ex);
            }
        }
    }
}
