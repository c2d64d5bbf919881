namespace StaffDataPipeline.Extraction;

/// <summary>
/// When an extraction that maps on several threads (<see cref="IExtraction.Map{T}(Func{ISourceRecord, T}, ThreadsAfterSample)"/>)
/// asks how many of them the rest of a file may use: after <paramref name="Records"/> records mapped one at a time on the
/// caller's thread, whose results the caller has taken by then.
/// </summary>
/// <param name="Records">How many records are mapped before the question is asked.</param>
/// <param name="Threads">Asked once: at most how many threads may map the rest (1 maps them one at a time, on the caller's thread).</param>
public sealed record ThreadsAfterSample(int Records, Func<int> Threads)
{
    public int Records { get; } = Records >= 0 ? Records : throw new ArgumentOutOfRangeException(nameof(Records), Records, "A sample cannot be fewer than no records.");
}
