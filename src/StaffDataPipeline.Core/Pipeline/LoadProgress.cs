namespace StaffDataPipeline.Pipeline;

/// <summary>Periodic progress of a long file, for a progress display.</summary>
public readonly record struct LoadProgress(string FileName, long RowsRead, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? RowsRead / Elapsed.TotalSeconds : 0;
}
