using System.Globalization;

namespace StaffDataPipeline.Warehouse;

/// <summary>Rows of the date dimension, one per snapshot month end: the NHS financial year and quarter, the same on every warehouse.</summary>
public static class DateDimension
{
    public static int DateKey(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    public static object DateRow(DateOnly date)
    {
        var fyStart = date.Month >= 4 ? date.Year : date.Year - 1;
        return new
        {
            date_key = DateKey(date),
            calendar_date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            year = date.Year,
            month = date.Month,
            month_name = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month),
            financial_year = $"{fyStart}-{(fyStart + 1) % 100:00}",
            financial_quarter = ((date.Month + 8) % 12 / 3) + 1,
        };
    }
}
