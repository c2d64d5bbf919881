using System.Globalization;
using System.Text;

namespace StaffDataPipeline.SampleGenerator;

/// <summary>How one kind of ESR export names its columns, writes its values, and encodes its bytes.</summary>
public sealed record EsrStyle(string Name, Encoding Encoding, string NewLine, (string Header, Func<SampleRow, string> Value)[] Columns)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;


    /// <summary>Trust ESR BI staff-in-post report: UTF-8 with BOM, CRLF, UK dates, names and NI numbers included.</summary>
    public static EsrStyle TrustBi { get; } = new(
        "trust-esr-bi",
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        "\r\n",
        [
            ("Employee Number", r => r.PersonId),
            ("Assignment Number", r => r.AssignmentNumber),
            ("Full Name", r => $"{r.Person.Surname}, {r.Person.Forename}"),
            ("Organisation Code", r => r.OrgCode),
            ("Organisation Name", r => r.OrgName),
            ("Position Title", r => r.Title),
            ("Job Role", r => r.JobRole),
            ("Occupation Code", r => r.OccupationCode),
            ("Area of Work", r => r.AreaOfWork),
            ("Staff Group", r => r.StaffGroup),
            ("Pay Band", r => r.Grade),
            ("Assignment Category", r => r.Contract),
            ("Assignment Status", r => r.Status),
            ("FTE", r => r.Fte),
            ("Contracted Hours", r => r.Hours),
            ("Date of Birth", r => r.DateOfBirthOverride ?? r.Person.DateOfBirth.ToString("dd/MM/yyyy", Inv)),
            ("NI Number", r => r.Person.NiNumber),
            ("Hire Date", r => r.Person.HireDate.ToString("dd/MM/yyyy", Inv)),
            ("Cost Centre", r => r.CostCentre),
            ("Primary Assignment", r => r.Primary ? "Yes" : "No"),
            ("Effective Date", r => r.Snapshot.ToString("dd/MM/yyyy", Inv)),
        ]);

    /// <summary>
    /// The trust BI report as a national collection holds it: five more columns (the national Unique NHS Identifier
    /// beside the employee number, ESR's grade code beside the pay band, a position number, and e-mail and registration
    /// number, which the loader drops as personal), 26 in all.
    /// </summary>
    public static EsrStyle TrustBiNational { get; } = TrustBi with
    {
        Name = "trust-esr-bi-national",
        Columns =
        [
            .. TrustBi.Columns,
            ("Unique Nhs Identifier", r => r.NationalId),
            ("Grade Code", r => r.GradeCode),
            ("Position Number", r => $"{r.OrgCode}-{r.Person.EmployeeNumber}"),
            ("Email Address", r => $"{r.Person.Forename}.{r.Person.Surname}{r.Person.EmployeeNumber[^3..]}@nhs.net"),
            ("Professional Registration Number", r => $"{r.Person.NiNumber[1]}{r.Person.EmployeeNumber[^7..]}"),
        ],
    };

    /// <summary>Record-level extract as seen in public analysis code: Windows-1252, LF, ISO dates, yyyymm month.</summary>
    public static EsrStyle RecordLevel { get; } = new(
        "record-level",
        Windows1252(),
        "\n",
        [
            ("Tm Year Month", r => r.Snapshot.ToString("yyyyMM", Inv)),
            ("Unique Nhs Identifier", r => r.PersonId),
            ("Ocs Code", r => r.OrgCode),
            ("Surname", r => r.Person.Surname),
            ("Forename", r => r.Person.Forename),
            ("Position Title", r => r.Title),
            ("Occupation Code", r => r.OccupationCode),
            ("Area Of Work", r => r.AreaOfWork),
            ("Staff Group", r => r.StaffGroup),
            ("Grade", r => r.Grade.Replace("AfC Band ", string.Empty, StringComparison.Ordinal).Replace("NHS ", string.Empty, StringComparison.Ordinal)),
            ("Status", r => r.Status),
            ("Asg Type Of Contract", r => r.Contract),
            ("Contracted Wte", r => r.Fte),
            ("Date Of Birth", r => r.DateOfBirthOverride ?? r.Person.DateOfBirth.ToString("yyyy-MM-dd", Inv)),
            ("Age In Years", r => (r.Snapshot.Year - r.Person.DateOfBirth.Year).ToString(Inv)),
            ("Assignment Number", r => r.AssignmentNumber),
            ("Cost Centre", r => r.CostCentre),
        ]);

    /// <summary>NHS Digital warehouse style: upper-case snake headers, UTF-8 without BOM, LF, several organisations in one file.</summary>
    public static EsrStyle NhsDigital { get; } = new(
        "nhs-digital",
        new UTF8Encoding(false),
        "\n",
        [
            ("TM_END_DATE", r => r.Snapshot.ToString("yyyy-MM-dd", Inv)),
            ("UNIQUE_NHS_IDENTIFIER", r => r.PersonId),
            ("ASSIGNMENT_NUMBER", r => r.AssignmentNumber),
            ("REPORTING_ORG_CODE", r => r.OrgCode),
            ("POSITION_TITLE", r => r.Title),
            ("OCCUPATION_CODE", r => r.OccupationCode),
            ("AREA_OF_WORK", r => r.AreaOfWork),
            ("GRADE", r => r.Grade),
            ("MAIN_STAFF_GROUP_NAME", r => r.StaffGroup),
            ("ASSIGNMENT_STATUS", r => r.Status),
            ("CONTRACT_TYPE", r => r.Contract),
            ("FTE", r => r.Fte),
            ("DATE_OF_BIRTH", r => r.DateOfBirthOverride ?? r.Person.DateOfBirth.ToString("dd/MM/yyyy", Inv)),
            ("PRIMARY_FLAG", r => r.Primary ? "Y" : "N"),
            ("COST_CENTRE", r => r.CostCentre),
        ]);

    // Static property initialisers run before a static constructor body, so registration happens here.
    private static Encoding Windows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
