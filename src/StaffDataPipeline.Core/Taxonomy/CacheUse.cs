using System.Runtime.InteropServices;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// Whether a cache is worth looking in, judged by each thread from its own recent lookups
/// (<see cref="DirectMappedCache{TKey, TValue}"/>), in windows of <see cref="Window"/> lookups: a thread whose windows
/// found fewer than half of their keys two windows in a row stops looking for the next <see cref="StandAside"/> keys,
/// then looks again. The first window after it starts or starts again to look is not judged: the cache is cold then (a
/// key is kept from its second sighting), and judged at once a file whose posts come back every few thousand rows would
/// look poor. Two poor windows, not one: a single window can be poor where a file's keys are not (the one in which an
/// extract sorted by organisation moves to the next). A cache that thrashes (more keys in play than it has slots) is
/// judged by what it finds, and stood aside. Keys that stop repeating are followed within two windows, keys that start
/// repeating again within thirty-three, and finding out costs three windows in thirty-three.
/// </summary>
/// <remarks>
/// The tallies are per thread (a slot chosen by the managed thread id, each on cache lines of its own), so that mapping
/// threads do not write one shared counter on every lookup. Two threads that share a slot (or two loads sharing one
/// mapper) only blur each other's counts: the tally decides when to look, never what a lookup answers.
/// </remarks>
internal sealed class CacheUse
{
    /// <summary>Lookups a thread judges the cache by.</summary>
    public const int Window = 4096;

    /// <summary>Keys a thread computes directly once two windows in a row found fewer than half: thirty windows.</summary>
    public const int StandAside = 30 * Window;

    /// <summary>Poor windows in a row that stand a thread aside.</summary>
    public const int PoorWindows = 2;

    private const int Slots = 8;

    // One spare at each end keeps the first and last tallies off cache lines shared with the array's header or a
    // neighbouring object. An array's elements start at any 8-byte boundary, so a tally takes two lines' worth (128
    // bytes, as .NET pads its own per-core counters) for its 17 bytes never to share a line with another's.
    private readonly Tally[] _tallies = new Tally[Slots + 2];

    public ref Tally OfThisThread() => ref _tallies[1 + (Environment.CurrentManagedThreadId & (Slots - 1))];

    /// <summary>One thread's count of its current window, or of the keys it still computes directly.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    public struct Tally
    {
        [FieldOffset(0)]
        private int _looked;

        [FieldOffset(4)]
        private int _found;

        [FieldOffset(8)]
        private int _asideFor;

        [FieldOffset(12)]
        private int _poorInARow;

        // True once a window has warmed the cache since the thread started or started again to look.
        [FieldOffset(16)]
        private bool _warm;

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

        /// <summary>Counts a lookup, and at the end of a window judges it (all but the first since looking began).</summary>
        public void Looked(bool found)
        {
            _found += found ? 1 : 0;
            if (++_looked < Window)
            {
                return;
            }

            _poorInARow = !_warm ? 0 : _found * 2 < _looked ? _poorInARow + 1 : 0;
            _warm = true;
            if (_poorInARow >= PoorWindows)
            {
                (_asideFor, _poorInARow, _warm) = (StandAside, 0, false);
            }

            (_looked, _found) = (0, 0);
        }
    }
}
