using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Normalisation;

/// <summary>
/// The mapping rules against Fixtures/title-mapping-cases.csv: one line per case, including the traps
/// ("General Manager", "Genitourinary Medicine", a counsellor in mental health, a clinical scientist in biochemistry).
/// </summary>
public sealed class TitleMappingTests
{
    public static TheoryData<string, string, string, string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string, string, string, string>();
        using var reader = CsvHelper.CsvReader.Create(File.OpenRead(Repository.Fixture("title-mapping-cases.csv")), CsvHelper.CsvReaderOptions.Default with { Separator = ',' }, false);
        while (reader.Read())
        {
            data.Add(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Maps_title_in_context_to_the_expected_role(string title, string staffGroup, string occupationCode, string areaOfWork, string grade, string expected, string note)
    {
        var decision = Reference.Data.Mapper.Map(new MappingInput(title, staffGroup, occupationCode, areaOfWork, null, null, grade));

        Assert.True(expected == decision.RoleCode, $"'{title}' [{staffGroup}; {occupationCode}; {areaOfWork}; {grade}] ({note}): expected {expected}, got {decision.RoleCode} by rule {decision.RuleId}");
    }

    [Fact]
    public void There_are_at_least_150_cases_and_every_role_code_is_exercised()
    {
        var cases = Cases().Select(row => (string)row[5]).ToList();

        Assert.True(cases.Count >= 150, $"only {cases.Count} cases");
        var missing = Reference.Data.Taxonomy.Roles.Select(r => r.Code).Except(cases).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_decision_names_the_rule_that_made_it()
    {
        var mapper = Reference.Data.Mapper;

        Assert.Equal("OUT-01", mapper.Map(new MappingInput("Porter", null, null, "Clinical Genetics", null, null, null)).RuleId);
        Assert.Equal("GC-04", mapper.Map(new MappingInput("Principal Genetic Counsellor", null, null, null, null, null, null)).RuleId);
        Assert.Equal(RoleDecision.DefaultOutOfScopeRule, mapper.Map(new MappingInput("Physiotherapist", null, null, "Therapies", null, null, null)).RuleId);
        Assert.Equal(RoleDecision.DefaultUnmappedRule, mapper.Map(new MappingInput("Genomics Programme Officer", null, null, null, null, null, null)).RuleId);
    }

    [Fact]
    public void Cost_centre_and_job_role_count_as_context()
    {
        var mapper = Reference.Data.Mapper;

        Assert.Equal("LAB-CS", mapper.Map(new MappingInput("Clinical Scientist", null, null, null, null, "809452 Genomics Laboratory", "Band 7")).RoleCode);
        Assert.Equal("GC", mapper.Map(new MappingInput("Counsellor", null, null, null, "Genetic Counsellor", null, "Band 7")).RoleCode);
    }
}
