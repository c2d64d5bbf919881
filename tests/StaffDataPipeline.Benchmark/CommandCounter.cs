using System.Diagnostics;

namespace StaffDataPipeline.Benchmark;

/// <summary>Counts the commands SqlClient sends (its WriteCommandBefore diagnostic event): the round trips of a load on SQL Server.</summary>
internal sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    public CommandCounter() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public int Count => Volatile.Read(ref _count);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "SqlClientDiagnosticListener")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key.EndsWith("WriteCommandBefore", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
