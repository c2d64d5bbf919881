using System.Collections.Concurrent;

namespace StaffDataPipeline.Service.Dashboard;

/// <summary>
/// Counts failed sign-ins per client address: after <c>allowed</c> failures within the window, that address is
/// refused without its password being checked until the oldest failure leaves the window. Guessing passwords from one
/// address is then a few tries an hour, and a slow PBKDF2 check cannot be used to load the server.
/// </summary>
public sealed class SignInThrottle
{
    private const int MaxAddresses = 10_000;
    private readonly int _allowed;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    public SignInThrottle(int allowed, TimeSpan window, TimeProvider time)
    {
        _allowed = allowed;
        _window = window;
        _time = time;
    }

    /// <summary>True while the address has used up its failures: refuse it without checking.</summary>
    public bool IsLocked(string address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_failures.TryGetValue(address, out var times))
        {
            return false;
        }

        lock (times)
        {
            Forget(times);
            if (times.Count < _allowed)
            {
                return false;
            }

            retryAfter = times.Peek() + _window - _time.GetUtcNow();
            return true;
        }
    }

    /// <summary>Records a failure; returns how many the address has within the window.</summary>
    public int Failed(string address)
    {
        if (_failures.Count > MaxAddresses)
        {
            // Many addresses at once: drop those whose failures have all left the window, so memory stays bounded.
            foreach (var (key, queue) in _failures)
            {
                lock (queue)
                {
                    Forget(queue);
                    if (queue.Count == 0)
                    {
                        _failures.TryRemove(key, out _);
                    }
                }
            }
        }

        var times = _failures.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Forget(times);
            times.Enqueue(_time.GetUtcNow());
            return times.Count;
        }
    }

    public int Allowed => _allowed;

    public TimeSpan Window => _window;

    private void Forget(Queue<DateTimeOffset> times)
    {
        var since = _time.GetUtcNow() - _window;
        while (times.Count > 0 && times.Peek() <= since)
        {
            times.Dequeue();
        }
    }
}
