namespace StaffDataPipeline.Warehouse;

/// <summary>Row counts of one file. Read = Loaded + OutOfScope + Excluded + Rejected.</summary>
public sealed class BatchCounts
{
    public long Read { get; set; }

    public long Loaded { get; set; }

    public long OutOfScope { get; set; }

    public long Excluded { get; set; }

    public long Rejected { get; set; }

    /// <summary>Share of the rows we would have stored that failed validation: excluded and out-of-scope rows are never validated.</summary>
    public double RejectedShare => Loaded + Rejected == 0 ? 0 : (double)Rejected / (Loaded + Rejected);
}
