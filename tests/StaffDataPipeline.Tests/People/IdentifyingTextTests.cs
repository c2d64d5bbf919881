using StaffDataPipeline.People;

namespace StaffDataPipeline.Tests.People;

public sealed class IdentifyingTextTests
{
    [Theory]
    [InlineData("Ólafur (NI QZ918201A, born 08/02/1961) is retiring", "Ólafur (NI [removed], born [removed]) is retiring")]
    [InlineData("NI number QQ 12 34 56 C on file", "NI number [removed] on file")]
    [InlineData("NHS number 943 476 5919", "NHS number [removed]")]
    [InlineData("NHS 9434765919 on the form", "NHS [removed] on the form")]
    [InlineData("leaves on 8th February 2025, or 2025-02-08", "leaves on [removed], or [removed]")]
    [InlineData("ask jane.doe@nhs.net or 07700 900123", "ask [removed] or [removed]")]
    [InlineData("call +44 161 496 0000", "call [removed]")]
    public void What_identifies_a_person_by_its_shape_is_removed(string text, string expected)
    {
        Assert.Equal(expected, IdentifyingText.Redact(text, out var removed));
        Assert.True(removed);
    }

    [Theory]
    [InlineData("Two band 7 clinical scientists from 2025; 3.5 WTE by 2030")]
    [InlineData("Growth of 20% in rare disease referrals (WGS), 1,200 tests a year")]
    [InlineData("AfC Band 8a, cost centre 809452")]
    [InlineData("we 12 34 56 a few more, 2025/26, 12-15 posts, 0.8 WTE")]
    [InlineData("contracts 7.5-37.5 hours, 12.5-15 WTE, vacancy 1.5-12 months, 2.5-10 WTE growth")]
    [InlineData("10 junior, 12 senior; Add 4 decisions 2024; 3 octopus 24; rising by 10 15 20 a year")]
    [InlineData("increase 100 200 3000, budget 000123456")]
    public void Figures_years_and_codes_a_return_gives_are_kept(string text)
    {
        Assert.Equal(text, IdentifyingText.Redact(text, out var removed));
        Assert.False(removed);
    }

    [Fact]
    public void A_cell_as_long_as_excel_allows_is_searched_without_timing_out()
    {
        // Unbounded, the e-mail shape took about a second on 32,767 characters without a space.
        var text = new string('a', 100_000) + "@";

        Assert.Equal(text, IdentifyingText.Redact(text, out var removed));
        Assert.False(removed);
    }
}
