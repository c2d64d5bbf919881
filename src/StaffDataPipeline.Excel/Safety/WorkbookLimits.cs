namespace StaffDataPipeline.Excel.Safety;

/// <summary>What a workbook may be before it is opened. Defaults suit a survey return of a few hundred lines.</summary>
public sealed record WorkbookLimits
{
    /// <summary>What these limits apply to, as refusals name it ("survey returns may be at most 25 MB").</summary>
    public string Applies { get; init; } = "survey returns";

    public long MaxFileBytes { get; init; } = 25_000_000;

    /// <summary>Total size of the workbook's parts once decompressed (a zip bomb is small on disk, huge inside).</summary>
    public long MaxUncompressedBytes { get; init; } = 250_000_000;

    /// <summary>Decompressed size over compressed size, for the workbook as a whole.</summary>
    public double MaxCompressionRatio { get; init; } = 100;

    public bool AllowMacros { get; init; }

    public int MaxRows { get; init; } = 1_048_576;

    public int MaxColumns { get; init; } = 16_384;
}
