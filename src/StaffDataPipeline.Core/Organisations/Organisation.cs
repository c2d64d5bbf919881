namespace StaffDataPipeline.Organisations;

/// <summary>A row of the organisation dimension.</summary>
public sealed record Organisation(string Code, string Name, string Type, string? RegionCode, string? RegionName, string? Glh)
{
    public const string UnknownType = "Unknown";

    public bool IsKnown => Type != UnknownType;
}
