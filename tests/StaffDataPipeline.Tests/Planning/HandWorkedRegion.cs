using StaffDataPipeline.Organisations;
using StaffDataPipeline.Planning;

namespace StaffDataPipeline.Tests.Planning;

/// <summary>
/// The one region the hand-worked plan tests follow through a year: a trust in the North West with 21 genetic
/// counsellors and the STP genomic counselling route.
/// GC in post: 10 under 50, 5 aged 50-54, 4 aged 55-59, 2 aged 60+ (one FTE each).
/// Last 12 months: under 55, 2 of 20 left (10 %); 55-59, 1 of 5 (20 %); 60+, 1 of 2 (50 %); 2 joined new to the NHS,
/// 2 per 27 in post at the start. Trainees: 4 in their last (3rd) year, 3 in the 2nd, 2 started this year (the
/// baseline commissions).
/// </summary>
internal static class HandWorkedRegion
{
    public static readonly PlanningRoute StpGc = new("STP-GC", "STP genomic counselling", "GC-TRAINEE", "GC", 3, 0.05, 0.9, 0.8, 0.5, null, "test");

    public static readonly PlanningGeography NorthWest = new([new Organisation("A01", "Trust A", "NHS trust", "Y62", "North West", "North West")]);

    public static PlanningInputs Inputs(IReadOnlyList<DemandCell> demand) => new(
        new DateOnly(2025, 3, 31),
        [
            new("A01", "GC", AgeBand.Under50, 10, 10), new("A01", "GC", AgeBand.From50To54, 5, 5),
            new("A01", "GC", AgeBand.From55To59, 4, 4), new("A01", "GC", AgeBand.From60, 2, 2),
            new("A01", "GC-TRAINEE", AgeBand.Under50, 9, 9),
        ],
        [
            new("A01", "GC", AgeBand.Under50, 12, 15, 1, 0, 0, 2, 0), new("A01", "GC", AgeBand.From50To54, 12, 5, 1, 0, 0, 0, 0),
            new("A01", "GC", AgeBand.From55To59, 12, 5, 1, 0, 0, 0, 0), new("A01", "GC", AgeBand.From60, 12, 2, 1, 0, 0, 0, 0),
        ],
        [new("A01", "STP-GC", 1, 2, 2), new("A01", "STP-GC", 2, 3, 3), new("A01", "STP-GC", 3, 4, 4)],
        [new("A01", "STP-GC", 2)],
        demand);
}
