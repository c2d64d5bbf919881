using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Tests.Normalisation;

public sealed class TextValuesTests
{
    [Theory]
    [InlineData("31/03/2023", 2023, 3, 31)]
    [InlineData("1/4/2023", 2023, 4, 1)]
    [InlineData("2023-03-31", 2023, 3, 31)]
    [InlineData("2023-03-31 00:00:00", 2023, 3, 31)]
    [InlineData("31-DEC-2023", 2023, 12, 31)]
    [InlineData("1-Apr-2023", 2023, 4, 1)]
    [InlineData("08 feb 1961", 1961, 2, 8)]
    [InlineData("45322", 2024, 1, 31)]
    [InlineData("22320", 1961, 2, 8)]
    public void Reads_uk_iso_esr_and_excel_serial_dates(string text, int y, int m, int d)
    {
        Assert.True(TextValues.TryDate(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("31/02/1980")]
    [InlineData("03/31/2023")]
    [InlineData("2023-13-01")]
    [InlineData("yesterday")]
    [InlineData("31-DCE-2023")]
    [InlineData("9999")]
    [InlineData("123456")]
    [InlineData("-4532")]
    public void Refuses_impossible_or_us_dates_and_numbers_that_are_not_excel_serials(string text) => Assert.False(TextValues.TryDate(text, out _));

    [Theory]
    [InlineData("60%", 0.6)]
    [InlineData(" 100% ", 1.0)]
    [InlineData("0.6", 0.6)]
    public void Reads_a_fraction_as_a_decimal_or_a_percentage(string text, double expected)
    {
        Assert.True(TextValues.TryFraction(text, decimalComma: false, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("202303", "2023-03-31")]
    [InlineData("2023-02", "2023-02-28")]
    [InlineData("2024/02", "2024-02-29")]
    [InlineData("15/03/2023", "2023-03-31")]
    [InlineData("2023-03-31", "2023-03-31")]
    public void Reads_snapshot_months_as_month_end(string text, string expected)
    {
        Assert.True(TextValues.TryMonth(text, out var monthEnd));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), monthEnd);
    }

    [Theory]
    [InlineData("202313")]
    [InlineData("2023")]
    [InlineData("March 2023")]
    [InlineData("20239")]
    public void Refuses_what_is_not_a_month(string text) => Assert.False(TextValues.TryMonth(text, out _));

    [Theory]
    [InlineData("1.0000", 1.0)]
    [InlineData("0.8", 0.8)]
    [InlineData(" 0.5 ", 0.5)]
    public void Reads_decimals_with_a_point(string text, double expected)
    {
        Assert.True(TextValues.TryDecimal(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1,0")]
    [InlineData("one")]
    [InlineData("")]
    public void Refuses_decimals_with_a_comma_or_words(string text) => Assert.False(TextValues.TryDecimal(text, out _));

    [Theory]
    [InlineData("0,6", true, 0.6)]
    [InlineData("37,50", true, 37.5)]
    [InlineData("0.8", true, 0.8)]
    [InlineData("1,0", false, null)]
    [InlineData("1,000.5", true, null)]
    [InlineData("1,2,3", true, null)]
    [InlineData(",5", true, null)]
    public void A_decimal_comma_is_read_only_where_the_file_says_its_numbers_use_one(string text, bool decimalComma, double? expected)
    {
        var read = TextValues.TryDecimal(text, decimalComma, out var value);

        Assert.Equal(expected is not null, read);
        Assert.Equal(expected is { } e ? (decimal)e : 0m, read ? value : 0m);
    }

    [Theory]
    [InlineData("RGT_staff_in_post_202303.csv", "2023-03-31")]
    [InlineData("RGT-2023-03.csv", "2023-03-31")]
    [InlineData("sip_2023_11_final.csv", "2023-11-30")]
    [InlineData("esr 202310.csv", "2023-10-31")]
    public void Finds_the_snapshot_month_in_a_file_name(string name, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SnapshotFromFileName.Find(name));

    [Theory]
    [InlineData("staff.csv")]
    [InlineData("export_20231.csv")]
    [InlineData("run_12345678.csv")]
    [InlineData("2023-13.csv")]
    public void Does_not_guess_a_month_from_other_numbers(string name) => Assert.Null(SnapshotFromFileName.Find(name));

    // ESR writes its flags as Yes/No, Y/N or Primary/Secondary; Excel exports TRUE/FALSE; spacing and case vary.
    [Theory]
    [InlineData("Yes", true)]
    [InlineData(" y ", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("primary", true)]
    [InlineData("No", false)]
    [InlineData("n", false)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    [InlineData("Secondary ", false)]
    [InlineData("", null)]
    [InlineData("Yess", null)]
    [InlineData("Primary Assignment", null)]
    [InlineData(null, null)]
    public void Reads_yes_and_no_in_any_case(string? text, bool? expected) => Assert.Equal(expected, TextValues.YesNo(text));
}
