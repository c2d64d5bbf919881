using StaffDataPipeline.Headers;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Headers;

public sealed class HeaderMatchingTests
{
    private static HeaderAliases Aliases => Reference.Data.Aliases;

    [Theory]
    [InlineData("Unique Nhs Identifier")]
    [InlineData("UNIQUE_NHS_IDENTIFIER")]
    [InlineData("unique nhs identifier")]
    [InlineData("  Unique-NHS-Identifier  ")]
    [InlineData("\uFEFFUnique Nhs Identifier")]
    [InlineData("Unique.Nhs.Identifier")]
    public void Tolerates_case_spaces_underscores_punctuation_and_bom(string header)
    {
        var match = Aliases.Match([header]);

        Assert.Equal(0, match.ColumnOf(EsrField.PersonId));
    }

    [Fact]
    public void Matches_the_three_documented_header_styles()
    {
        string[] trust = ["Employee Number", "Assignment Number", "Organisation Code", "Position Title", "Occupation Code", "Area of Work", "Staff Group", "Pay Band", "Assignment Category", "Assignment Status", "FTE", "Contracted Hours", "Date of Birth", "Hire Date", "Cost Centre", "Primary Assignment Flag", "Effective Date"];
        string[] recordLevel = ["Unique Nhs Identifier", "Occupation Code", "Status", "Asg Type Of Contract", "Contracted Wte", "Date Of Birth", "Age In Years", "Tm Year Month", "Ocs Code"];
        string[] warehouse = ["TM_END_DATE", "UNIQUE_NHS_IDENTIFIER", "REPORTING_ORG_CODE", "OCCUPATION_CODE", "GRADE", "MAIN_STAFF_GROUP_NAME"];

        var t = Aliases.Match(trust);
        Assert.Empty(t.UnknownColumns);
        Assert.Equal(17, t.Columns.Count);
        Assert.True(t.Has(EsrField.PrimaryAssignment) && t.Has(EsrField.SnapshotDate) && t.Has(EsrField.ContractType));

        var r = Aliases.Match(recordLevel);
        Assert.Empty(r.UnknownColumns);
        Assert.Equal(8, r.ColumnOf(EsrField.OrganisationCode));
        Assert.Equal(7, r.ColumnOf(EsrField.SnapshotMonth));
        Assert.Equal(4, r.ColumnOf(EsrField.Fte));

        var w = Aliases.Match(warehouse);
        Assert.Empty(w.UnknownColumns);
        Assert.Equal(0, w.ColumnOf(EsrField.SnapshotDate));
        Assert.Equal(5, w.ColumnOf(EsrField.StaffGroup));

        // The domain note lists no FTE among these six: such a file must be refused for it, not loaded without a measure.
        Assert.Equal([EsrField.Fte, EsrField.ContractedHours], Assert.Single(RequiredFields.Missing(w)));
    }

    [Fact]
    public void Column_order_does_not_matter_and_unknown_columns_are_reported()
    {
        var match = Aliases.Match(["Favourite Colour", "FTE", "Ocs Code", "Position Title", "Person Id", "Parking Permit"]);

        Assert.Equal(1, match.ColumnOf(EsrField.Fte));
        Assert.Equal(2, match.ColumnOf(EsrField.OrganisationCode));
        Assert.Equal(4, match.ColumnOf(EsrField.EmployeeNumber));
        Assert.Equal(["Favourite Colour", "Parking Permit"], match.UnknownColumns);
    }

    [Fact]
    public void Personal_columns_are_recognised_and_dropped_not_reported_as_unknown()
    {
        var match = Aliases.Match(["Employee Number", "Surname", "Forename", "NI Number", "Full Name"]);

        Assert.Equal(["Surname", "Forename", "NI Number", "Full Name"], match.PersonalColumnsDropped);
        Assert.Empty(match.UnknownColumns);
        Assert.Single(match.Columns);
    }

    [Fact]
    public void When_two_columns_mean_one_field_the_alias_listed_first_is_read_and_the_other_is_kept_for_comparison()
    {
        var match = Aliases.Match(["WTE", "FTE"]);

        Assert.Equal(1, match.ColumnOf(EsrField.Fte));
        Assert.Equal([new DuplicateColumn(EsrField.Fte, 1, "FTE", 0, "WTE")], match.DuplicateColumns);
    }

    [Fact]
    public void Two_notations_of_one_field_are_alternatives_in_the_files_order_of_preference_not_duplicates()
    {
        var match = Aliases.Match(["Employee Number", "Pay Band", "Unique Nhs Identifier", "Grade Code", "Contracted Hours", "FTE"]);

        Assert.Empty(match.DuplicateColumns);
        Assert.Equal([EsrField.PersonId, EsrField.EmployeeNumber], match.Present(EsrField.PersonId));
        Assert.Equal([EsrField.PersonId, EsrField.EmployeeNumber], match.Present(EsrField.EmployeeNumber));
        Assert.Equal([EsrField.Grade, EsrField.GradeCode], match.Present(EsrField.Grade));
        Assert.Equal([EsrField.Fte, EsrField.ContractedHours], match.Present(EsrField.Fte));
        Assert.Equal([EsrField.EmployeeNumber], Aliases.Match(["Employee Number", "FTE"]).Present(EsrField.PersonId));
    }

    [Fact]
    public void The_order_of_preference_is_the_order_the_alias_file_first_lists_each_notation()
    {
        var localFirst = new HeaderAliases([(EsrField.EmployeeNumber, "Employee Number"), (EsrField.PersonId, "Unique Nhs Identifier"), (EsrField.GradeCode, "Grade Code"), (EsrField.Grade, "Pay Band")]);

        var match = localFirst.Match(["Unique Nhs Identifier", "Pay Band", "Employee Number", "Grade Code"]);

        Assert.Equal([EsrField.EmployeeNumber, EsrField.PersonId], match.Present(EsrField.PersonId));
        Assert.Equal([EsrField.GradeCode, EsrField.Grade], match.Present(EsrField.Grade));
    }

    [Fact]
    public void Missing_requirements_name_every_acceptable_field()
    {
        var missing = RequiredFields.Missing(Aliases.Match(["Employee Number", "Position Title"]));

        Assert.Contains(missing, m => m.SequenceEqual([EsrField.OrganisationCode]));
        Assert.Contains(missing, m => m.SequenceEqual([EsrField.Fte, EsrField.ContractedHours]));
        Assert.Equal("organisation code", RequiredFields.Display(EsrField.OrganisationCode));
    }
}
