namespace StaffDataPipeline.Planning;

/// <summary>Where a plan line applies: England, an NHS England region, a Genomic Laboratory Hub, or one organisation.</summary>
public enum UnitLevel
{
    National = 0,
    Region = 1,
    Glh = 2,
    Organisation = 3,
}

/// <summary>A unit a planner works in. Its organisations' figures are added up; its rates are shrunk toward the national rate.</summary>
public sealed record PlanningUnit(UnitLevel Level, string Code, string Name)
{
    public static PlanningUnit England { get; } = new(UnitLevel.National, "ENG", "England");

    public bool IsNational => Level == UnitLevel.National;

    public override string ToString() => $"{Level} {Code}";
}
