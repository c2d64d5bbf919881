namespace StaffDataPipeline.Service.Inbox;

/// <summary>What the workforce team can do about a rejected file, by reason code, in words for people who do not read logs.</summary>
public static class RejectionAdvice
{
    private static readonly Dictionary<string, string> Advice = new(StringComparer.Ordinal)
    {
        ["THRESHOLD_EXCEEDED"] = "Too many rows had problems to trust the rest. Fix the rows listed in the .errors.csv file beside this report (sheet, row and column are given), save, and drop the corrected file into the inbox again.",
        ["MISSING_COLUMN"] = "A column the load needs is missing. Re-run the export with the standard columns (or, for a renamed heading, ask for it to be added to header-aliases.csv) and drop the new file in.",
        ["AMBIGUOUS_HEADER"] = "Two columns mean the same thing and disagree. Delete the one that is wrong and drop the file in again.",
        ["NO_SNAPSHOT_MONTH"] = "The file does not say which month it describes. Put the month in the file name (for example esr_2024-03.csv) and drop it in again.",
        ["SUSPICIOUS_SHRINK"] = "The file has far fewer rows than the one it would replace for the same organisation and month (or return), so it was held and the earlier figures still stand; the reason above gives both counts. If the export was filtered or cut short, export it again in full and drop it in. If the smaller file is right (posts really did go), move it into the inbox's accept/ folder and it will be loaded.",
        ["EMPTY_FILE"] = "The file has no data rows. Check that the right file was exported.",
        ["MALFORMED_CSV"] = "The file is not a readable CSV. Export it again from ESR as CSV.",
        ["UNRECOGNISED_FORMAT"] = "The file was read neither as an ESR export nor as a survey return; the reason above says what was seen (its encoding, its delimiter, its first line). Export it again as CSV (separated by commas, semicolons, tabs or pipes) or .xlsx with the header row within its first 20 lines, or check it is the right file.",
        ["ODS_NOT_SUPPORTED"] = "Open the file in LibreOffice or Excel, save it as .xlsx, and drop that in.",
        ["NOT_A_SPREADSHEET"] = "The file's name says spreadsheet but its content is not one. Open it in Excel, save as .xlsx, and drop that in.",
        ["WORKBOOK_DAMAGED"] = "The workbook is damaged or was cut short. Ask the sender for a fresh copy.",
        ["WORKBOOK_ENCRYPTED"] = "The workbook is password-protected. Remove the password (File → Info → Protect Workbook), save, and drop it in again.",
        ["WORKBOOK_MACROS"] = "The workbook contains macros. Save it as a plain .xlsx workbook (no macros) and drop that in.",
        ["WORKBOOK_ZIP_BOMB"] = "The workbook's contents are far larger than the file, which a genuine return never is. Ask the sender to save it again as .xlsx.",
        ["WORKBOOK_TOO_LARGE"] = "The workbook is larger than a survey return should be. Remove pictures and unused sheets, save, and drop it in again.",
        ["WORKBOOK_TOO_BIG"] = "The workbook is larger than a survey return should be. Remove pictures and unused sheets, save, and drop it in again.",
        ["SURVEY_NO_COVER"] = "The return has no Cover sheet saying which organisation and period it is for. Use the survey template (staffdata survey-template) and fill in the Cover sheet.",
        ["WORKBOOK_UNRECOGNISED"] = "The workbook is neither a survey return nor an ESR staff-in-post report. Send a return made from the survey template (staffdata survey-template), or export the ESR report to Excel with its column headings.",
        ["ESR_NO_HEADER_ROW"] = "The workbook has no row of ESR column headings near its top. Export the staff-in-post report again with its column headings and drop that in.",
        ["SURVEY_COVER_INVALID"] = "The Cover sheet is incomplete or wrong (organisation code, return period or service area). Correct it and drop the file in again.",
        ["SURVEY_UNKNOWN_ORGANISATION"] = "The organisation code on the Cover sheet is not one we know. If the reason suggests a code (\"did you mean R0A\"), correct the cell it names and drop the file in again; if the organisation is new to us, add it to organisations.csv (or import the current ODS release with staffdata organisations import) and drop the file in again.",
        ["SURVEY_PERIOD_IN_FUTURE"] = "The return period on the Cover sheet has not begun yet, so the figures cannot be for it (often a year typed one too high). Correct the period in the cell named above and drop the file in again.",
        ["SURVEY_PERIOD_TOO_EARLY"] = "The return period on the Cover sheet is before 2018, before these returns began (often a year mistyped, such as 2014 for 2024). Correct the period in the cell named above and drop the file in again.",
        ["SURVEY_NO_DATA_SHEET"] = "No Workforce sheet was found. Use the survey template's sheet names and headings.",
        ["SURVEY_NO_LINES"] = "The Workforce sheet has no lines to load. Fill it in and drop the file in again.",
        ["SURVEY_FORMULA_NOT_CALCULATED"] = "Some cells hold formulas that were never calculated. Open the workbook in Excel, let it calculate, save, and drop it in again.",
    };

    public static string For(string? reasonCode) =>
        reasonCode is not null && Advice.TryGetValue(reasonCode, out var advice)
            ? advice
            : "Read the reason above, correct the file, and drop the corrected file into the inbox again. If the reason is unclear, send this report to the data engineering team.";
}
