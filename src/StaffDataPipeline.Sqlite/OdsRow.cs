using System.Globalization;
using StaffDataPipeline.Organisations;

namespace StaffDataPipeline.Sqlite;

/// <summary>An ods_organisation row as SQLite stores it (dates as ISO text).</summary>
internal sealed class OdsRow
{
    public const string Select = "SELECT organisation_code AS Code, organisation_name AS Name, parent_code AS ParentCode, national_grouping AS NationalGrouping, open_date AS OpenDate, close_date AS CloseDate FROM ods_organisation";

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? ParentCode { get; set; }

    public string? NationalGrouping { get; set; }

    public string? OpenDate { get; set; }

    public string? CloseDate { get; set; }

    public static string? Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public OdsOrganisation ToOrganisation() => new(Code, Name, ParentCode, NationalGrouping, Date(OpenDate), Date(CloseDate));

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
