namespace StaffDataPipeline.Normalisation;

/// <summary>Why a row was quarantined. Names the sheet (for workbooks), row, column and rule, never a personal value.</summary>
public sealed record RowRejection(long RowNumber, string Column, string ReasonCode, string Message)
{
    public string? Sheet { get; init; }
}
