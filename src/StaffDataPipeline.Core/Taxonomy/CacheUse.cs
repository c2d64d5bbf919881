using System.Runtime.InteropServices;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// Whether a cache is worth looking in, judged by each thread from its own recent lookups
/// (<see cref="DirectMappedCache{TKey, TValue}"/>): after every <see cref="Window"/> lookups, a thread that found fewer
/// than half of them stops looking for the next <see cref="StandAside"/> keys, then looks for another window and judges
/// again. So a file whose posts stop repeating (a trust's own posts, then a shuffled national extract) is followed within
/// a few thousand rows either way, and the cost of finding out is a window in sixteen.
/// </summary>
/// <remarks>
/// The tallies are per thread (a slot chosen by the managed thread id, each on a cache line of its own), so that mapping
/// threads do not write one shared counter on every lookup. Two threads that share a slot only blur each other's
/// counts: the tally decides when to look, never what a lookup answers.
/// </remarks>
internal sealed class CacheUse
{
    /// <summary>Lookups a thread judges the cache by.</summary>
    public const int Window = 4096;

    /// <summary>Keys a thread computes directly once a window found fewer than half: fifteen windows.</summary>
    public const int StandAside = 15 * Window;

    private const int Slots = 8;

    // One spare at each end keeps the first and last tallies off cache lines shared with the array's header or a
    // neighbouring object.
    private readonly Tally[] _tallies = new Tally[Slots + 2];

    public ref Tally OfThisThread() => ref _tallies[1 + (Environment.CurrentManagedThreadId & (Slots - 1))];

    /// <summary>One thread's count of its current window, or of the keys it still computes directly.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 64)]
    public struct Tally
    {
        [FieldOffset(0)]
        private int _looked;

        [FieldOffset(4)]
        private int _found;

        [FieldOffset(8)]
        private int _asideFor;

        /// <summary>True while this thread computes directly; counts the key off.</summary>
        public bool StandingAside()
        {
            if (_asideFor <= 0)
            {
                return false;
            }

            _asideFor--;
            return true;
        }

        /// <summary>Counts a lookup, and at the end of a window judges it.</summary>
        public void Looked(bool found)
        {
            _found += found ? 1 : 0;
            if (++_looked < Window)
            {
                return;
            }

            if (_found * 2 < _looked)
            {
                _asideFor = StandAside;
            }

            (_looked, _found) = (0, 0);
        }
    }
}
