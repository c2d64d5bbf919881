using StaffDataPipeline.Organisations;

namespace StaffDataPipeline.SqlServer;

/// <summary>An ods_organisation row as SQL Server returns it (dates as date).</summary>
internal sealed class SqlServerOdsRow
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? ParentCode { get; set; }

    public string? NationalGrouping { get; set; }

    public DateTime? OpenDate { get; set; }

    public DateTime? CloseDate { get; set; }

    public OdsOrganisation ToOrganisation() =>
        new(Code, Name, ParentCode, NationalGrouping, OpenDate is { } open ? DateOnly.FromDateTime(open) : null, CloseDate is { } close ? DateOnly.FromDateTime(close) : null);
}
