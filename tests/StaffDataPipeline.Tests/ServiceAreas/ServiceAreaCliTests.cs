using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.ServiceAreas;

/// <summary>`staffdata explain` shows the service area the post's place gives it, the rules tried and the one that decided.</summary>
public sealed class ServiceAreaCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Explain_shows_the_service_area_and_the_rule_that_decided_it()
    {
        var (exit, somatic, _) = CliRunner.Run(_dir.Path, null, "explain", "Clinical Scientist", "--area", "Genomics Laboratory", "--cost-centre", "809461 Haemato-Oncology Genomics", "--grade", "Band 7");
        var (plainExit, plain, _) = CliRunner.Run(_dir.Path, null, "explain", "Clinical Scientist", "--area", "Genomics Laboratory", "--cost-centre", "809452 Genomics Laboratory");
        var (surveyExit, survey, _) = CliRunner.Run(_dir.Path, null, "explain", "Genetic Counsellor", "--survey");

        Assert.Equal((0, 0, 0), (exit, plainExit, surveyExit));
        Assert.Contains("Service area, from the place 'genomic laboratory | 809461 haemato oncology genomic'", somatic, StringComparison.Ordinal);
        Assert.Matches(@"SA-01 +CANCER-SOMATIC +no +place does not match", somatic);
        Assert.Matches(@"SA-02 +CANCER-SOMATIC +MATCHES +place matches", somatic);
        Assert.DoesNotContain("SA-03", somatic, StringComparison.Ordinal); // rules after the deciding one are not tried
        Assert.Matches(@"Service area: CANCER-SOMATIC by SA-02 \(service-area-rules\.csv line \d+\)\.", somatic);
        Assert.Matches(@"SA-03 +INHERITED-CANCER +no +place does not match", plain);
        Assert.Contains("Service area: UNSPECIFIED by DEFAULT-UNSPECIFIED (no rule names this place).", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("Service area", survey, StringComparison.Ordinal); // a return states its own, on its Cover sheet
    }
}
