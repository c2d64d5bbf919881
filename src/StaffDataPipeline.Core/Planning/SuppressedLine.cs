namespace StaffDataPipeline.Planning;

/// <summary>An organisation's role with fewer people than the threshold: not projected on its own line (read its region or GLH).</summary>
public sealed record SuppressedLine(PlanningUnit Unit, string RoleCode, double Heads, int ThresholdHeads);
