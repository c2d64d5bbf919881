using System.Globalization;
using StaffDataPipeline.Planning;
using StaffDataPipeline.SampleGenerator.Planning;
using StaffDataPipeline.Tests.Support;
using Xunit.Abstractions;

namespace StaffDataPipeline.Tests.Planning;

/// <summary>
/// The back-test: a generated national history (NationalHistory: its process is stated there, not fitted to the model)
/// of 11 years; the plan sees only the first 3 (the stock at the end of year 3 and the three 12-month windows of flows
/// before it), projects 5 years, and is held against what the history then shows at year 8.
/// </summary>
public sealed class BackTest(ITestOutputHelper output)
{
    private const int JumpOff = 3;
    private const int Years = 5;

    public const double NationalScale = 2.8;

    [Fact]
    public void Five_year_P50_by_role_family_is_within_10_percent_of_the_history_and_the_P10_P90_band_is_around_it()
    {
        // National size: about 20,000 people in post (the scale), in 70 organisations.
        var history = NationalHistory.Generate(scale: NationalScale, organisationsPerRegion: 10);
        var reference = Reference.Data;
        var assumptions = reference.PlanningAssumptions with { Routes = NationalHistory.Routes };
        var planner = new SupplyPlanner(assumptions, reference.Taxonomy, new PlanningGeography(history.Organisations));

        // The plan reads what the warehouse would hand it at the end of year 3: its three 12-month windows of flows.
        var inputs = history.InputsAt(JumpOff, flowYears: JumpOff);
        var result = planner.Project(inputs, runs: 1000, seed: 7);
        output.WriteLine($"people in post at year 3: {history.Years[JumpOff].Length}");

        string FamilyOf(string role) => reference.Taxonomy[role].Family;
        var actual = history.FteByFamily(JumpOff + Years, FamilyOf);
        var start = history.FteByFamily(JumpOff, FamilyOf);
        var projected = result.Lines.Where(l => l.Unit.IsNational && l.IsFamily && l.Year == Years).ToDictionary(l => l.Code);
        output.WriteLine("| role family | FTE at year 3 | history at year 8 | P10 | P50 | P90 | P50 error |");
        foreach (var (family, truth) in actual.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var band = projected[family].SupplyFte;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {family} | {start[family]:N0} | {truth:N0} | {band.P10:N0} | {band.P50:N0} | {band.P90:N0} | {(band.P50 - truth) / truth:+0.0%;-0.0%} |"));
        }

        foreach (var l in result.Lines.Where(l => l.Unit.IsNational && !l.IsFamily && l.Year == Years).OrderBy(l => l.Code, StringComparer.Ordinal))
        {
            var t8 = history.Years[JumpOff + Years].Where(p => p.Role == l.Code).Sum(p => p.Fte);
            var t3 = history.Years[JumpOff].Where(p => p.Role == l.Code).Sum(p => p.Fte);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"role {l.Code}: {t3:N0} at year 3, {t8:N0} at year 8; P50 {l.SupplyFte.P50:N0} ({l.SupplyFte.P10:N0}-{l.SupplyFte.P90:N0})"));
        }

        var total = result.Lines.Where(l => l.Unit.IsNational && l.IsFamily && l.Year == Years).Sum(l => l.SupplyFte.P50);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total: history {actual.Values.Sum():N0}, P50 sum {total:N0}, error {(total - actual.Values.Sum()) / actual.Values.Sum():+0.0%;-0.0%}"));

        // The regions add up to England (their rates are shrunk toward England's, and moves between their
        // organisations count as leavers and joiners both, so they agree in the P50, not exactly).
        foreach (var level in new[] { UnitLevel.Region, UnitLevel.Glh })
        {
            var units = result.Lines.Where(l => l.Unit.Level == level && l.IsFamily && l.Year == Years).Sum(l => l.SupplyFte.P50);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{level}s add up to {units:N0} against England's {total:N0}"));
            Assert.InRange(units / total, 0.95, 1.05);
        }

        Assert.All(actual, a =>
        {
            var band = projected[a.Key].SupplyFte;
            Assert.InRange((band.P50 - a.Value) / a.Value, -0.10, 0.10);
            Assert.True(band.P10 < band.P50 && band.P50 < band.P90, $"{a.Key}: the band has no width");
            // The band is about the P50 and not far from the history: within 5 % of it at the nearer end.
            Assert.InRange(a.Value, band.P10 * 0.95, band.P90 * 1.05);
        });
    }
}
