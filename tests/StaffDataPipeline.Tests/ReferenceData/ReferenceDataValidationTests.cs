using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.ReferenceData;

/// <summary>The workforce team edits these files by hand: every mistake must stop the program with the file and line.</summary>
public sealed class ReferenceDataValidationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Shipped_taxonomy_is_version_1_with_exactly_the_codes_of_the_domain_contract()
    {
        string[] contract =
        [
            "MED-CG-CONS", "MED-CG-TRAINEE", "MED-CG-SAS", "GC-CONS", "GC-PRINCIPAL", "GC", "GC-TRAINEE", "GC-ASSOC",
            "LAB-CS-CONS", "LAB-CS-PRINCIPAL", "LAB-CS", "LAB-CS-TRAINEE", "LAB-PRACT", "LAB-ASSOC", "LAB-SUPPORT",
            "BIOINF-CS-CONS", "BIOINF-CS", "BIOINF-TRAINEE", "BIOINF", "BIOINF-ENG", "GEN-NURSE", "GEN-PRACT", "GEN-MGMT", "GEN-ADMIN",
            "OUT-OF-SCOPE", "UNMAPPED",
        ];

        Assert.Equal(contract.Order(), Reference.Data.Taxonomy.Roles.Select(r => r.Code).Order());
        Assert.Matches(@"^1\.[0-9a-f]{8}$", Reference.Data.Taxonomy.Version);
    }

    [Fact]
    public void Changing_a_rule_changes_the_taxonomy_version()
    {
        var folder = _dir.CopyReferenceData();
        var before = ReferenceDataLoader.Load(folder).Taxonomy.Version;
        File.AppendAllText(Path.Combine(folder, "mapping-rules.csv"), "NEW-01,GEN-ADMIN,\\bclerk\\b,\\bgenetic,,,,\n");

        var after = ReferenceDataLoader.Load(folder).Taxonomy.Version;

        Assert.NotEqual(before, after);
        Assert.StartsWith("1.", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-01,NO-SUCH-ROLE,\\bclerk\\b,,,,,", "role_code 'NO-SUCH-ROLE' is not in roles.csv")]
    [InlineData("X-01,GC,(unclosed,,,,,", "title pattern '(unclosed' is not a valid regular expression")]
    [InlineData("X-01,GC,,,,,,(unclosed,", "place pattern '(unclosed' is not a valid regular expression")]
    [InlineData("GC-01,GC,\\bsomething\\b,,,,,", "rule_id 'GC-01' is used twice")]
    [InlineData("X-01,GC,,,,,,", "has no condition at all")]
    [InlineData("X-01,GC,,,,,band 12,", "'band 12' in grade 'band 12' is not a known grade")]
    public void Rule_mistakes_name_the_file_and_line(string line, string expected)
    {
        var folder = _dir.CopyReferenceData();
        var rules = Path.Combine(folder, "mapping-rules.csv");
        var lineNumber = File.ReadAllLines(rules).Length + 1;
        File.AppendAllText(rules, line + "\n");

        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(folder));

        Assert.Contains($"mapping-rules.csv, line {lineNumber}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_rule_is_refused_naming_the_rule_it_repeats()
    {
        var folder = _dir.CopyReferenceData();
        var rules = Path.Combine(folder, "mapping-rules.csv");
        var gc01 = File.ReadAllLines(rules).Single(l => l.StartsWith("GC-01,", StringComparison.Ordinal));
        File.AppendAllText(rules, "GC-99" + gc01[5..] + "\n");

        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(folder));

        Assert.Contains("exactly the same conditions as rule GC-01", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("roles.csv", "GC,Duplicate,Genetic counselling,7", "role code 'GC' appears twice")]
    [InlineData("organisations.csv", "TOOLONGCODE,Name,Trust,,,", "is not a 3 to 5 character ODS code")]
    [InlineData("header-aliases.csv", "Shoe Size,,Shoe", "field 'Shoe Size' is not one of")]
    [InlineData("header-aliases.csv", "AssignmentNumber,,Employee Number", "alias 'Employee Number' is already listed for PersonId (local)")]
    [InlineData("header-aliases.csv", "PersonId,,Person Ref", "PersonId needs a notation, one of: national, local")]
    [InlineData("header-aliases.csv", "Grade,shoe size,Grade Ref", "Grade needs a notation, one of: pay band, grade code (found 'shoe size')")]
    [InlineData("header-aliases.csv", "OrganisationCode,national,Org Ref", "OrganisationCode has one notation: leave 'notation' blank")]
    [InlineData("grades.csv", "AFC-99,Band 99,AfC,,999,,XN07", "ESR grade code 'XN07' is already listed for AFC-7")]
    [InlineData("standard-weeks.csv", "Medical and Dental,38", "staff group 'Medical and Dental' is listed twice")]
    [InlineData("standard-weeks.csv", "Nursing,full time", "hours_per_week 'full time' is not a number of hours between 1 and 100")]
    [InlineData("assignment-rules.csv", "status,Active Assignment,maybe", "counted must be yes or no")]
    [InlineData("grades.csv", "AFC-7,Band 7,AfC,7,70,", "grade code 'AFC-7' appears twice")]
    [InlineData("scope-exclusions.csv", "EX-99,,,,no place and no staff group", "needs a place or a staff_group")]
    [InlineData("scope-exclusions.csv", "EX-01,\\bward\\b,,,", "exclusion_id 'EX-01' is used twice")]
    [InlineData("training-routes.csv", "NO-SUCH,GC-CONS,2,0.9,", "trainee_role 'NO-SUCH' is not in roles.csv")]
    [InlineData("training-routes.csv", "GEN-PRACT,GEN-NURSE,2,1.5,", "completion_rate must be a share from 0 to 1")]
    [InlineData("training-routes.csv", "GEN-PRACT,GEN-NURSE,0,0.9,", "training_years must be a number of years above 0")]
    [InlineData("training-routes.csv", "GC-TRAINEE,GC-CONS,2,0.9,", "each trainee role and each qualified role may appear in one route only")]
    [InlineData("supply-assumptions.csv", "rate_window_months,0,", "rate_window_months must be a whole number of months from 1 to 60")]
    [InlineData("title-synonyms.csv", "Counselor,adviser", "'Counselor' is already listed on line 6, as 'counsellor'")]
    [InlineData("title-synonyms.csv", "Co-Ord,co-ordinator", "'Co-Ord' is already listed on line ")]
    [InlineData("title-synonyms.csv", "--,nothing", "'word' is blank")]
    public void Other_reference_file_mistakes_name_the_file_and_line(string file, string line, string expected)
    {
        var folder = _dir.CopyReferenceData();
        var path = Path.Combine(folder, file);
        File.AppendAllText(path, line + "\n");

        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(folder));

        Assert.Contains($"{file}, line ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_synonym_repeated_with_the_same_replacement_changes_nothing_and_loads()
    {
        var folder = _dir.CopyReferenceData();
        var before = ReferenceDataLoader.Load(folder);
        File.AppendAllText(Path.Combine(folder, ReferenceDataLoader.SynonymsFile), "Counselor,Counsellor\nhd of,head of\n");

        var after = ReferenceDataLoader.Load(folder);

        Assert.Equal("senior genetic counsellor", after.Mapper.NormaliseTitle("Snr Genetic Counselor"));
        Assert.Equal(before.Mapper.NormaliseTitle("Hd of Bioinf"), after.Mapper.NormaliseTitle("Hd of Bioinf"));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var folder = _dir.CopyReferenceData();
        File.Delete(Path.Combine(folder, "organisations.csv"));

        Assert.Contains("organisations.csv", Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(folder)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seeded_organisations_cover_the_seven_glh_lead_trusts_with_regions()
    {
        var glhLeads = Reference.Data.Organisations.All.Where(o => o.Type == "GLH lead trust").ToList();

        Assert.Equal(["R0A", "RGT", "RJ1", "RP4", "RQ3", "RTD", "RVJ"], glhLeads.Select(o => o.Code).Order());
        Assert.All(glhLeads, o => Assert.Matches("^Y(56|58|59|60|61|62|63)$", o.RegionCode!));
        Assert.Equal("Unknown", Reference.Data.Organisations.Resolve("ZZZ", null).Type);
    }
}
