namespace StaffDataPipeline.Organisations;

/// <summary>A row of the organisation dimension.</summary>
public sealed record Organisation(string Code, string Name, string Type, string? RegionCode, string? RegionName, string? Glh)
{
    public const string UnknownType = "Unknown";

    public const string TrustType = "Trust";

    public bool IsKnown => Type != UnknownType;

    /// <summary>Set when the file named a site (5-character ODS code) and the fact is recorded against its trust.</summary>
    public string? RolledUpFrom { get; init; }
}
