using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Normalisation;

/// <summary>
/// Titles as trusts really type them (Fixtures/role-mapping-cases-as-trusts-type.csv), each with its context and the
/// scope rule that decides it: context over words, training routes, abbreviations and band-decided levels. And the
/// same rules on roles written in survey returns (Fixtures/survey-role-cases.csv).
/// </summary>
public sealed class TrustTitleMappingTests
{
    public static TheoryData<string, string, string, string, string, string, string, string, string> EsrCases() =>
        Read("role-mapping-cases-as-trusts-type.csv", 9, r => (r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]));

    public static TheoryData<string, string, string, string> SurveyCases() =>
        Read("survey-role-cases.csv", 4, r => (r[0], r[1], r[2], r[3]));

    [Theory]
    [MemberData(nameof(EsrCases))]
    public void A_title_as_a_trust_types_it_maps_by_the_scope_rules(string title, string staffGroup, string occupation, string area, string costCentre, string jobRole, string grade, string expected, string reason)
    {
        var input = new MappingInput(title, staffGroup, occupation, area, jobRole, costCentre, grade);

        var decision = Reference.Data.Mapper.Map(input);

        Assert.True(expected == decision.RoleCode, $"'{title}' [{staffGroup}; {occupation}; {area}; {costCentre}; {jobRole}; {grade}] ({reason}): expected {expected}, got {decision.RoleCode} by {decision.RuleId}");
    }

    [Theory]
    [MemberData(nameof(SurveyCases))]
    public void A_role_written_in_a_survey_return_goes_through_the_same_rules(string role, string grade, string expected, string reason)
    {
        var decision = Reference.Data.Mapper.MapSurveyRole(role, grade);

        Assert.True(expected == decision.RoleCode, $"survey '{role}' grade {grade} ({reason}): expected {expected}, got {decision.RoleCode} by {decision.RuleId}");
    }

    [Theory]
    [MemberData(nameof(SurveyCases))]
    public void Explain_survey_reaches_the_decision_a_survey_load_makes(string role, string grade, string expected, string reason)
    {
        var explanation = Reference.Data.Mapper.ExplainSurveyRole(role, grade);

        Assert.True(explanation.Decision == Reference.Data.Mapper.MapSurveyRole(role, grade), $"survey '{role}' grade {grade} ({reason}): explain decides {explanation.Decision.RoleCode}, the load {Reference.Data.Mapper.MapSurveyRole(role, grade).RoleCode}");
        Assert.Equal(expected, explanation.Decision.RoleCode);
    }

    [Fact]
    public void Explain_survey_takes_a_role_written_as_a_taxonomy_code_as_that_role_and_tries_no_rule()
    {
        var explanation = Reference.Data.Mapper.ExplainSurveyRole(" lab-cs ", "Band 7");

        Assert.Equal(("LAB-CS", RoleMapper.TaxonomyCodeRule), (explanation.Decision.RoleCode, explanation.Decision.RuleId));
        Assert.Empty(explanation.Trials);
        Assert.Contains("taxonomy code", explanation.Fallback, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_reaches_the_decision_map_makes_for_every_case()
    {
        var mapper = Reference.Data.Mapper;
        foreach (var row in EsrCases())
        {
            var input = new MappingInput((string)row[0], (string)row[1], (string)row[2], (string)row[3], (string)row[5], (string)row[4], (string)row[6]);
            var explanation = mapper.Explain(input);

            Assert.Equal(mapper.Map(input), explanation.Decision);
            Assert.Equal(explanation.Trials.Count(t => t.Matched), explanation.Decision.RuleId.StartsWith("DEFAULT", StringComparison.Ordinal) ? 0 : 1);
        }
    }

    [Fact]
    public void Explain_names_the_abbreviations_it_expanded_and_why_each_rule_did_not_match()
    {
        var explanation = Reference.Data.Mapper.Explain(new MappingInput("Hd of Bioinf", null, null, "Genomics Laboratory", null, null, "Band 8c"));

        Assert.Equal("head of bioinformatics", explanation.NormalisedTitle);
        Assert.Equal(["hd of → head of", "bioinf → bioinformatics"], explanation.Expansions);
        Assert.Contains(explanation.Trials, t => t.Id == "EX-01" && !t.Matched && t.Why.StartsWith("place does not match", StringComparison.Ordinal));
        Assert.Contains(explanation.Trials, t => t.Id == "GC-01" && !t.Matched && t.Why.StartsWith("title does not match", StringComparison.Ordinal));
        Assert.Equal("MGT-01", explanation.Trials[^1].Id);
        Assert.True(explanation.Trials[^1].Matched);
    }

    [Fact]
    public void A_place_that_also_names_a_genomics_service_is_not_excluded_and_explain_says_why()
    {
        var explanation = Reference.Data.Mapper.Explain(new MappingInput("Clinical Scientist", null, null, "Haematology", null, "809452 Genomics Laboratory", "Band 7"));

        var haematology = explanation.Trials.Single(t => t.Id == "EX-09");
        Assert.False(haematology.Matched);
        Assert.Contains("but the place also matches", haematology.Why, StringComparison.Ordinal);
        Assert.Equal("LAB-CS", explanation.Decision.RoleCode);
    }

    [Fact]
    public void There_are_at_least_150_new_cases_and_each_class_of_miss_is_covered()
    {
        var reasons = EsrCases().Select(r => (string)r[8]).ToList();

        Assert.True(reasons.Count >= 150, $"only {reasons.Count} cases");
        foreach (var id in Reference.Data.Mapper.Exclusions.Select(e => e.ExclusionId))
        {
            Assert.Contains(reasons, r => r.Contains(id, StringComparison.Ordinal));
        }

        Assert.Contains(reasons, r => r.Contains("TR-0", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("HS-0", StringComparison.Ordinal));
    }

    private static TheoryData<T1, T2, T3, T4, T5, T6, T7, T8, T9> Read<T1, T2, T3, T4, T5, T6, T7, T8, T9>(string file, int columns, Func<string[], (T1, T2, T3, T4, T5, T6, T7, T8, T9)> row)
    {
        var data = new TheoryData<T1, T2, T3, T4, T5, T6, T7, T8, T9>();
        foreach (var r in Rows(file, columns))
        {
            var (a, b, c, d, e, f, g, h, i) = row(r);
            data.Add(a, b, c, d, e, f, g, h, i);
        }

        return data;
    }

    private static TheoryData<T1, T2, T3, T4> Read<T1, T2, T3, T4>(string file, int columns, Func<string[], (T1, T2, T3, T4)> row)
    {
        var data = new TheoryData<T1, T2, T3, T4>();
        foreach (var r in Rows(file, columns))
        {
            var (a, b, c, d) = row(r);
            data.Add(a, b, c, d);
        }

        return data;
    }

    /// <summary>The data rows of a fixture; the reader consumes the header line itself (skipping it again lost the first case).</summary>
    internal static IEnumerable<string[]> Rows(string file, int columns)
    {
        using var reader = CsvHelper.CsvReader.Create(File.OpenRead(Repository.Fixture(file)), CsvHelper.CsvReaderOptions.Default with { Separator = ',', HasHeader = true }, false);
        while (reader.Read())
        {
            yield return Enumerable.Range(0, columns).Select(reader.GetString).ToArray();
        }
    }
}
