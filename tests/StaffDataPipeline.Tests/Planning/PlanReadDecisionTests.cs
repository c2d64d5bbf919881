using StaffDataPipeline.Planning;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Planning;

/// <summary>The decisions the warehouse reads apply but Core makes: which windows of flows, which route, which training year.</summary>
public sealed class PlanReadDecisionTests
{
    private static readonly TraineeRoutes Routes = new(Reference.Data.PlanningAssumptions.Routes);

    [Fact]
    public void Trainees_are_on_their_roles_route_and_HSST_takes_the_grades_it_lists()
    {
        Assert.Equal("STP-GEN", Routes.RouteOf("LAB-CS-TRAINEE", "AFC-6")!.Code);
        Assert.Equal("HSST", Routes.RouteOf("LAB-CS-TRAINEE", "AFC-8A")!.Code);
        Assert.Equal("STP-GEN", Routes.RouteOf("LAB-CS-TRAINEE", "UNKNOWN")!.Code);
        Assert.Equal("STR-CG", Routes.RouteOf("MED-CG-TRAINEE", "MED-STR")!.Code);
        Assert.Equal("STP-GC", Routes.RouteOf("GC-TRAINEE", "AFC-6")!.Code);
        Assert.Null(Routes.RouteOf("GC", "AFC-7"));
        Assert.Contains("BIOINF-TRAINEE", Routes.TraineeRoles);
    }

    [Theory]
    [InlineData(0, false, 1)]
    [InlineData(11, false, 1)]
    [InlineData(12, false, 2)]
    [InlineData(40, false, 4)]
    [InlineData(70, false, 4)]
    [InlineData(12, true, 3)] // in post since the first snapshot, 12 months: at least year 2 of 4, so halfway to 4 rounded up
    [InlineData(0, true, 3)]
    public void The_training_year_counts_from_the_first_month_in_the_role_and_is_halfway_when_the_start_is_not_seen(int months, bool sinceFirstSnapshot, int expected)
    {
        var strCg = Reference.Data.PlanningAssumptions.Routes.Single(r => r.Code == "STR-CG");

        Assert.Equal(expected, TraineeRoutes.TrainingYear(strCg, months, sinceFirstSnapshot));
    }

    [Fact]
    public void Windows_are_consecutive_12_months_back_from_the_latest_snapshot_and_too_short_a_history_gives_none()
    {
        static DateOnly M(int year, int month) => new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        var monthly = Enumerable.Range(0, 32).Select(i => M(2021, 1).AddMonths(i)).Select(d => new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month))).ToList();

        var windows = FlowWindows.Choose("RGT", monthly).ToList();

        Assert.Equal([(M(2023, 8), M(2022, 8)), (M(2022, 8), M(2021, 8)), (M(2021, 8), M(2021, 1))], windows.Select(w => (w.End, w.Start)));
        Assert.Equal([12, 12, 7], windows.Select(w => w.Months));

        // 13 months with August missing: still 12 months, April to April.
        var gap = Enumerable.Range(0, 13).Select(i => M(2023, 4).AddDays(1).AddMonths(i).AddDays(-1)).Where(d => d.Month != 8).ToList();
        Assert.Equal(12, Assert.Single(FlowWindows.Choose("RTH", gap)).Months);

        // Two month-ends, or five months: fewer than six months of flows give no window (national rates instead).
        Assert.Empty(FlowWindows.Choose("RGT", [M(2023, 9), M(2023, 10)]));
        Assert.Empty(FlowWindows.Choose("RGT", [M(2023, 5), M(2023, 10)]));
        Assert.Equal(6, Assert.Single(FlowWindows.Choose("RGT", [M(2023, 4), M(2023, 10)])).Months);
    }
}
