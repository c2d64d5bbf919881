using System.Diagnostics;

namespace StaffDataPipeline.SqlServer.Diagnostics;

/// <summary>
/// Counts the commands SqlClient sends in this process (its WriteCommandBefore diagnostic event): the round trips of a
/// load on SQL Server, as the benchmark prints them and the round-trip tests bound them.
/// </summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    public SqlCommandCounter() => _all = DiagnosticListener.AllListeners.Subscribe(this);

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
