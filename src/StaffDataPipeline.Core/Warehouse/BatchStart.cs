namespace StaffDataPipeline.Warehouse;

/// <summary>The audit facts known before the first row is read.</summary>
public sealed record BatchStart(string FileName, string Sha256, string Extractor, string TaxonomyVersion, DateTimeOffset StartedAt);
