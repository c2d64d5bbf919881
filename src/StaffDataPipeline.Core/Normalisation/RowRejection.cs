namespace StaffDataPipeline.Normalisation;

/// <summary>Why a row was quarantined. Names the column and the rule, never the personal value.</summary>
public sealed record RowRejection(long RowNumber, string Column, string ReasonCode, string Message);
