using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.ReferenceData;
using Areas = StaffDataPipeline.Surveys.ServiceAreas;
using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.ServiceAreas;

/// <summary>
/// The service area of a post from its place, by the shipped service-area-rules.csv. The cases come from the domain
/// rules (cancer genetics and familial cancer are inherited cancer; solid tumour, somatic and haemato-oncology
/// genomics are the cancer arm; anything else is unspecified), written before the rules, as ESR cost centres read.
/// </summary>
public sealed class ServiceAreaRulesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("Clinical Genetics", "R1C201 Cancer Genetics Service", Areas.InheritedCancer)]
    [InlineData("Clinical Genetics", "R1C202 Familial Cancer Clinic", Areas.InheritedCancer)]
    [InlineData("Cancer Genetics", "", Areas.InheritedCancer)]
    [InlineData("Oncology", "Cancer Genetics - Breast Family History", Areas.InheritedCancer)]
    [InlineData("Clinical Genetics", "Hereditary Cancer Service", Areas.InheritedCancer)]
    [InlineData("Genomics Laboratory", "809460 Solid Tumour Genomics", Areas.CancerSomatic)]
    [InlineData("Genomics Laboratory", "809462 Somatic Cancer Testing", Areas.CancerSomatic)]
    [InlineData("Genomics Laboratory", "809461 Haemato-Oncology Genomics", Areas.CancerSomatic)]
    [InlineData("Haematology", "Haem Onc Molecular Genomics", Areas.CancerSomatic)]
    [InlineData("East GLH", "Tumour Profiling", Areas.CancerSomatic)]
    [InlineData("Cancer Genetics", "Solid Tumour Laboratory", Areas.CancerSomatic)] // somatic testing in a cancer genetics department
    [InlineData("Genomics Laboratory", "809452 Genomics Laboratory", Areas.Unspecified)]
    [InlineData("Clinical Genetics", "R1C200 Clinical Genetics", Areas.Unspecified)]
    [InlineData("Oncology", "Chemotherapy Day Unit", Areas.Unspecified)] // cancer care is not a genomics service area by itself
    [InlineData("", "", Areas.Unspecified)]
    public void The_shipped_rules_decide_the_service_area_from_the_place(string area, string costCentre, string expected)
    {
        var decision = Reference.Data.ServiceAreas.Decide(area, costCentre);

        Assert.Equal(expected, decision.ServiceAreaCode);
        Assert.Equal(decision, Reference.Data.ServiceAreas.Explain(area, costCentre).Decision);
        Assert.Equal(expected == Areas.Unspecified, decision.RuleId == ServiceAreaDecision.DefaultRule);
    }

    [Fact]
    public void Decide_agrees_with_the_explained_rule_walk_on_every_place_of_the_trust_cases()
    {
        // position_title, staff_group, occupation_code, area_of_work, cost_centre, …
        var places = new List<(string, string)>();
        using (var reader = CsvHelper.CsvReader.Create(File.OpenRead(Repository.Fixture("role-mapping-cases-as-trusts-type.csv")), CsvHelper.CsvReaderOptions.Default with { Separator = ',' }, false))
        {
            while (reader.Read())
            {
                if (reader.GetString(3) != "area_of_work")
                {
                    places.Add((reader.GetString(3), reader.GetString(4)));
                }
            }
        }

        var decider = Reference.Fresh().ServiceAreas;

        Assert.True(places.Count > 50, $"only {places.Count} places were read");
        Assert.All(places, p => Assert.Equal(decider.Explain(p.Item1, p.Item2).Decision, decider.Decide(p.Item1, p.Item2)));
        Assert.Contains(places, p => decider.Decide(p.Item1, p.Item2).ServiceAreaCode == Areas.InheritedCancer);
        Assert.Contains(places, p => decider.Decide(p.Item1, p.Item2).ServiceAreaCode == Areas.CancerSomatic);
    }

    [Fact]
    public void The_first_rule_that_matches_decides_and_explain_lists_only_the_rules_tried()
    {
        var explanation = Reference.Data.ServiceAreas.Explain("Cancer Genetics", "Solid Tumour Laboratory");

        Assert.Equal("cancer genetic | solid tumour laboratory", explanation.Place);
        Assert.Equal(("SA-01", true), (explanation.Trials[^1].RuleId, explanation.Trials[^1].Matched));
        Assert.Single(explanation.Trials);
        Assert.Equal("service-area-rules.csv", Path.GetFileName(explanation.Trials[0].SourceFile));
    }

    [Fact]
    public void Area_of_work_and_cost_centre_conditions_read_one_field_each_and_must_all_hold()
    {
        var folder = _dir.CopyReferenceData();
        File.WriteAllText(
            Path.Combine(folder, "service-area-rules.csv"),
            "rule_id,service_area,place,area_of_work,cost_centre,notes\nRD-01,RARE-DISEASE,,\\bclinical genetic\\b,\\brare disease\\b,\nRD-02,RARE-DISEASE,,,\\bgenomic laboratory\\b,\n");
        var decider = ReferenceDataLoader.Load(folder).ServiceAreas;

        Assert.Equal(new ServiceAreaDecision(Areas.RareDisease, "RD-01"), decider.Decide("Clinical Genetics", "Rare Disease Clinic"));
        Assert.Equal(ServiceAreaDecision.Unspecified, decider.Decide("Rare Disease Clinic", "Clinical Genetics")); // each pattern reads its own field
        Assert.Equal(new ServiceAreaDecision(Areas.RareDisease, "RD-02"), decider.Decide("Pathology", "809452 Genomics Laboratory"));
        Assert.Equal(ServiceAreaDecision.Unspecified, decider.Decide("Genomics Laboratory", "Pathology"));
    }

    [Fact]
    public void A_folder_without_the_file_loads_and_every_post_is_unspecified()
    {
        var folder = _dir.CopyReferenceData();
        File.Delete(Path.Combine(folder, "service-area-rules.csv"));

        var decider = ReferenceDataLoader.Load(folder).ServiceAreas;

        Assert.Empty(decider.Rules);
        Assert.Equal(ServiceAreaDecision.Unspecified, decider.Decide("Clinical Genetics", "Cancer Genetics Service"));
    }

    [Fact]
    public void Changing_a_service_area_rule_changes_the_taxonomy_version_recorded_on_facts()
    {
        var folder = _dir.CopyReferenceData();
        var before = ReferenceDataLoader.Load(folder).Taxonomy.Version;
        File.AppendAllText(Path.Combine(folder, "service-area-rules.csv"), "SA-99,RARE-DISEASE,\\brare disease\\b,,,\n");

        Assert.NotEqual(before, ReferenceDataLoader.Load(folder).Taxonomy.Version);
    }

    [Theory]
    [InlineData("SA-99,SOMATIC,\\btumour\\b,,,", "rule SA-99: service_area 'SOMATIC' is not one of RARE-DISEASE, INHERITED-CANCER, CANCER-SOMATIC, UNSPECIFIED")]
    [InlineData("SA-99,CANCER-SOMATIC,,,,no place at all", "rule SA-99 needs a place, area_of_work or cost_centre pattern")]
    [InlineData("SA-01,CANCER-SOMATIC,\\bsarcoma\\b,,,", "rule_id 'SA-01' is used twice")]
    [InlineData(",CANCER-SOMATIC,\\bsarcoma\\b,,,", "rule_id is blank")]
    [InlineData("SA-99,CANCER-SOMATIC,(unclosed,,,", "place pattern '(unclosed' is not a valid regular expression")]
    [InlineData("SA-99,CANCER-SOMATIC,,,[z-a],", "cost_centre pattern '[z-a]' is not a valid regular expression")]
    public void Rule_mistakes_name_the_file_and_line(string line, string expected)
    {
        var folder = _dir.CopyReferenceData();
        var rules = Path.Combine(folder, "service-area-rules.csv");
        var lineNumber = File.ReadAllLines(rules).Length + 1;
        File.AppendAllText(rules, line + "\n");

        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(folder));

        Assert.StartsWith($"service-area-rules.csv, line {lineNumber}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_without_the_service_area_column_is_refused_naming_the_columns()
    {
        var folder = _dir.CopyReferenceData();
        File.WriteAllText(Path.Combine(folder, "service-area-rules.csv"), "rule_id,area,place,area_of_work,cost_centre,notes\nSA-01,CANCER-SOMATIC,\\btumour\\b,,,\n");

        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(folder));

        Assert.StartsWith("service-area-rules.csv, line 1: the header has no 'service_area' column", error.Message, StringComparison.Ordinal);
    }
}
