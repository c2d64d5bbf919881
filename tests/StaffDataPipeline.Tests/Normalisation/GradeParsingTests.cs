using StaffDataPipeline.Grades;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Normalisation;

public sealed class GradeParsingTests
{
    [Theory]
    [InlineData("Band 6", "AFC-6")]
    [InlineData("AfC Band 8a", "AFC-8A")]
    [InlineData("Band 8A", "AFC-8A")]
    [InlineData("8a", "AFC-8A")]
    [InlineData("8 b", "AFC-8B")]
    [InlineData("NHS AfC Band 7", "AFC-7")]
    [InlineData("Agenda for Change Band 5", "AFC-5")]
    [InlineData("  band 9 ", "AFC-9")]
    [InlineData("Band 8c", "AFC-8C")]
    [InlineData("Band 8D", "AFC-8D")]
    [InlineData("Pay Band 3", "AFC-3")]
    [InlineData("AfC 4", "AFC-4")]
    [InlineData("1", "AFC-1")]
    [InlineData("Consultant", "MED-CONS")]
    [InlineData("consultant", "MED-CONS")]
    [InlineData("Specialty Registrar", "MED-STR")]
    [InlineData("Speciality Registrar", "MED-STR")]
    [InlineData("StR", "MED-STR")]
    [InlineData("SpR", "MED-STR")]
    [InlineData("ST3", "MED-STR")]
    [InlineData("ST8", "MED-STR")]
    [InlineData("Specialty Registrar (ST4)", "MED-STR")]
    [InlineData("Specialty Doctor", "MED-SD")]
    [InlineData("Associate Specialist", "MED-AS")]
    [InlineData("Staff Grade", "MED-SG")]
    [InlineData("Core Training", "MED-CT")]
    [InlineData("CT1", "MED-CT")]
    [InlineData("FY1", "MED-FY1")]
    [InlineData("Foundation Year 2", "MED-FY2")]
    [InlineData("Hospital Practitioner", "MED-HPCA")]
    [InlineData("Trust Grade Doctor", "MED-OTHER")]
    [InlineData("", "UNKNOWN")]
    [InlineData("Band 10", "UNKNOWN")]
    [InlineData("8e", "UNKNOWN")]
    [InlineData("Grade X", "UNKNOWN")]
    public void Reads_every_spelling_to_one_grade(string raw, string expected) =>
        Assert.Equal(expected, Reference.Data.Grades.Parse(raw).Code);

    [Fact]
    public void Grades_sort_afc_bands_then_medical_grades_in_nhs_digital_order()
    {
        var order = Reference.Data.Grades.All.OrderBy(g => g.SortOrder).Select(g => g.Code).ToList();

        Assert.True(order.IndexOf("AFC-7") < order.IndexOf("AFC-8A"));
        Assert.True(order.IndexOf("AFC-8D") < order.IndexOf("AFC-9"));
        Assert.True(order.IndexOf("MED-CONS") < order.IndexOf("MED-STR"));
        Assert.True(order.IndexOf("MED-FY2") < order.IndexOf("MED-FY1"));
        Assert.Equal("AfC", Reference.Data.Grades.ByCode("AFC-8A")!.PayScale);
        Assert.Equal("8a", Reference.Data.Grades.ByCode("AFC-8A")!.Band);
    }

    [Theory]
    [InlineData("8c-9", new[] { "AFC-8C", "AFC-8D", "AFC-9" })]
    [InlineData("8a-8b", new[] { "AFC-8A", "AFC-8B" })]
    [InlineData("6", new[] { "AFC-6" })]
    [InlineData("MED-STR|MED-CT", new[] { "MED-STR", "MED-CT" })]
    public void Grade_sets_in_rules_cover_the_range(string spec, string[] expected)
    {
        var set = GradeSet.Parse(spec, Reference.Data.Grades);
        var members = Reference.Data.Grades.All.Where(set.Contains).Select(g => g.Code).Order().ToArray();

        Assert.Equal(expected.Order().ToArray(), members);
    }

    [Theory]
    [InlineData("9-8c")]
    [InlineData("7-MED-CONS")]
    [InlineData("band 12")]
    public void Grade_sets_that_make_no_sense_are_refused(string spec) =>
        Assert.Throws<FormatException>(() => GradeSet.Parse(spec, Reference.Data.Grades));
}
