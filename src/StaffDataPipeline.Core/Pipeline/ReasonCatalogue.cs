namespace StaffDataPipeline.Pipeline;

/// <summary>What a reason code does to the file or the row it names.</summary>
public enum ReasonOutcome
{
    /// <summary>The whole file is refused; nothing from it is in the warehouse.</summary>
    FileRejected,

    /// <summary>The file is held: it would replace far more than it holds, so the earlier figures stand until someone accepts it.</summary>
    FileHeld,

    /// <summary>The file failed for a reason outside it and was rolled back; it can be loaded again as it is.</summary>
    FileFailed,

    /// <summary>One row (or cell) is quarantined: where and why are recorded, never the value; the rest of the file loads.</summary>
    RowQuarantined,

    /// <summary>The file loaded; something in it is worth a look.</summary>
    Warning,
}

/// <summary>One reason code: the contract between the loader (which stores it in load_batch.reason_code or rejected_row), the routing of files, the inbox reports, the web pages and docs/reason-codes.md.</summary>
public sealed record ReasonCode(string Code, ReasonOutcome Outcome, string Meaning, string WhatToDo);

/// <summary>
/// Every reason code the program can give, with its meaning and what to do, in words for the workforce team. A test
/// reads the source for every code it can emit and requires each here, and docs/reason-codes.md is this list.
/// </summary>
public static class ReasonCatalogue
{
    private const string DropAgain = "and drop the corrected file into the inbox again (or load it again).";

    public static IReadOnlyList<ReasonCode> All { get; } =
    [
        // Whole files refused.
        new("THRESHOLD_EXCEEDED", ReasonOutcome.FileRejected, "More than the allowed share of the file's in-scope rows (5% by default) were quarantined, so the rest cannot be trusted.", $"Too many rows had problems to trust the rest: fix the rows listed in the .errors.csv beside the report (sheet, row and column are given), save, {DropAgain}"),
        new("MISSING_COLUMN", ReasonOutcome.FileRejected, "A column the load needs is missing (a person identifier, the organisation code, FTE or contracted hours, or a post description).", "Export again with the standard columns; for a renamed heading, ask for it to be added to header-aliases.csv, then drop the new file in."),
        new("AMBIGUOUS_HEADER", ReasonOutcome.FileRejected, "Two columns mean the same thing and disagree at a row, so it is not known which to load.", $"Delete the wrong column {DropAgain}"),
        new("NO_SNAPSHOT_MONTH", ReasonOutcome.FileRejected, "The file does not say which month it describes: no snapshot column, no month in its name, no --snapshot.", "Put the month in the file name (for example esr_2024-03.csv) and drop it in again."),
        new("NOT_A_RETURN", ReasonOutcome.FileRejected, "A file of a kind no load reads (an archive, a document) was dropped in the inbox; it was moved to rejected/.", "Unpack an archive, or open a document's source, and drop in the workbooks or CSV exports themselves."),
        new("EMPTY_FILE", ReasonOutcome.FileRejected, "The file is empty (0 bytes), or has a header but no data rows.", "Check that the right file was exported, and export it again."),
        new("MALFORMED_CSV", ReasonOutcome.FileRejected, "The file cannot be read as CSV (for example an unclosed quote).", "Export it again from ESR as CSV."),
        new("UNRECOGNISED_FORMAT", ReasonOutcome.FileRejected, "The file was read neither as an ESR export nor as a survey return.", "Export it again as CSV (commas, semicolons, tabs or pipes) or .xlsx with the header row within its first 20 lines, or check it is the right file."),
        new("ODS_NOT_SUPPORTED", ReasonOutcome.FileRejected, "OpenDocument spreadsheets (.ods) are not read.", "Open it in LibreOffice or Excel, save it as .xlsx, and drop that in."),
        new("NOT_A_SPREADSHEET", ReasonOutcome.FileRejected, "The file's name says spreadsheet but its content is not one.", "Open it in Excel, save as .xlsx, and drop that in."),
        new("WORKBOOK_DAMAGED", ReasonOutcome.FileRejected, "The workbook is damaged or was cut short.", "Ask the sender for a fresh copy."),
        new("WORKBOOK_ENCRYPTED", ReasonOutcome.FileRejected, "The workbook is password-protected or encrypted.", "Remove the password (File, Info, Protect Workbook), save, and drop it in again."),
        new("WORKBOOK_MACROS", ReasonOutcome.FileRejected, "The workbook contains macros.", "Save it as a plain .xlsx workbook (no macros) and drop that in."),
        new("WORKBOOK_ZIP_BOMB", ReasonOutcome.FileRejected, "The workbook's contents are far larger than the file, which a genuine return never is.", "Ask the sender to save it again as .xlsx."),
        new("WORKBOOK_TOO_LARGE", ReasonOutcome.FileRejected, "The workbook is larger than a survey return may be.", "Remove pictures and unused sheets, save, and drop it in again."),
        new("WORKBOOK_TOO_BIG", ReasonOutcome.FileRejected, "The workbook has more rows or columns than a survey return may have.", "Remove unused sheets, rows and columns, save, and drop it in again."),
        new("WORKBOOK_UNRECOGNISED", ReasonOutcome.FileRejected, "The workbook is neither a survey return nor an ESR staff-in-post report.", "Send a return made from the survey template (staffdata survey-template), or export the ESR report to Excel with its column headings."),
        new("ESR_NO_HEADER_ROW", ReasonOutcome.FileRejected, "The workbook has no row of ESR column headings near its top.", "Export the staff-in-post report again with its column headings and drop that in."),
        new("SURVEY_NO_COVER", ReasonOutcome.FileRejected, "The return has no Cover sheet saying which organisation and period it is for.", "Use the survey template (staffdata survey-template) and fill in the Cover sheet."),
        new("SURVEY_COVER_INVALID", ReasonOutcome.FileRejected, "The Cover sheet is incomplete or wrong (organisation code, return period or service area).", $"Correct the cell the report names {DropAgain}"),
        new("SURVEY_UNKNOWN_ORGANISATION", ReasonOutcome.FileRejected, "The organisation code on the Cover sheet is neither in organisations.csv nor in the imported ODS release.", "If the report suggests a code (\"did you mean R0A\"), correct the cell; if the organisation is new, add it to organisations.csv (or import the ODS release) first. Then drop the file in again."),
        new("SURVEY_PERIOD_IN_FUTURE", ReasonOutcome.FileRejected, "The return period begins more than a quarter after today, so it cannot have been counted yet.", "Correct the period (often a year typed one too high) and drop the file in again."),
        new("SURVEY_PERIOD_TOO_EARLY", ReasonOutcome.FileRejected, "The return period ended before 2018, before these returns began.", "Correct the period (often a mistyped year) and drop the file in again."),
        new("SURVEY_NO_DATA_SHEET", ReasonOutcome.FileRejected, "No Workforce sheet was found.", "Use the survey template's sheet names and headings."),
        new("SURVEY_NO_LINES", ReasonOutcome.FileRejected, "The return has a Cover but no workforce, demand or comment lines.", "Fill in the Workforce sheet and drop the file in again."),
        new("REJECTED", ReasonOutcome.FileRejected, "The file was refused for the reason its report gives.", "Read the report's reason, correct the file, and drop it in again."),

        // Held.
        new("SUSPICIOUS_SHRINK", ReasonOutcome.FileHeld, "The file would replace a month (or return) with under half the rows of the batch it replaces, which looks like a filtered or cut-short export; the earlier figures stand.", "Export it again in full and drop it in; if the smaller file is right, move it into the inbox's accept/ folder (or load it with --accept-shrink)."),

        // Failed for a reason outside the file.
        new("WAREHOUSE_BUSY", ReasonOutcome.FileFailed, "Another load held the warehouse for longer than the configured wait.", "Nothing: the inbox tries the file again; a file loaded by hand needs loading again later."),
        new("WAREHOUSE_UNAVAILABLE", ReasonOutcome.FileFailed, "The warehouse could not be used (unreachable, read-only, damaged or not a database).", "Tell the data engineers; the file is tried again once the warehouse answers."),
        new("WAREHOUSE_ERROR", ReasonOutcome.FileFailed, "The warehouse refused the load and it was rolled back.", "Tell the data engineers, with the report."),
        new("FILE_MISSING", ReasonOutcome.FileFailed, "The file does not exist where it was named, or was moved or deleted before it could be read.", "Check the path and its spelling; drop the file in again."),
        new("FILE_UNREADABLE", ReasonOutcome.FileFailed, "The file cannot be read: permission denied.", "Give the account that runs staffdata read access, then load it again."),
        new("FILE_IO_ERROR", ReasonOutcome.FileFailed, "The file could not be read (a disk or network error).", "Load it again; if it keeps failing, copy it locally first."),
        new("FILE_CHANGED", ReasonOutcome.FileFailed, "The file changed while it was being loaded (another program was still writing it).", "Nothing: the complete file is loaded again."),
        new("MOVE_FAILED", ReasonOutcome.FileFailed, "The file was loaded (or refused) but could not be moved out of the inbox.", "Nothing: the move is tried again; tell the data engineers if it stays."),
        new("LOAD_FAILED", ReasonOutcome.FileFailed, "The load failed for an unexpected reason and was rolled back.", "Tell the data engineers, with the report; the file can be loaded again as it is."),
        new("INTERRUPTED", ReasonOutcome.FileFailed, "The loading process stopped before the batch finished (a restart, a crash); nothing from it is in the views.", "Nothing in the inbox: the file is taken again; a file loaded by hand needs loading again."),
        new("BEING_LOADED", ReasonOutcome.FileFailed, "Another process is loading the same file right now.", "Nothing: that process loads it."),
        new("FAILED", ReasonOutcome.FileFailed, "The file failed for a reason outside it; the report says which.", "Nothing in the inbox: it is tried again; tell the data engineers if it stays."),

        // Rows quarantined: ESR.
        new("MISSING_PERSON_ID", ReasonOutcome.RowQuarantined, "The row has no person identifier (or, in a file keyed on the national identifier, not that one).", "Fill in the identifier in ESR and export again."),
        new("MISSING_ORGANISATION", ReasonOutcome.RowQuarantined, "The row has no organisation code.", "Fill in the organisation code and export again."),
        new("FTE_MISSING", ReasonOutcome.RowQuarantined, "Neither FTE nor contracted hours are given.", "Give the FTE (or contracted hours) and export again."),
        new("FTE_NOT_NUMBER", ReasonOutcome.RowQuarantined, "FTE is not a number.", "Correct the FTE (use '.' for decimals in a comma-separated file)."),
        new("FTE_OUT_OF_RANGE", ReasonOutcome.RowQuarantined, "FTE (or the FTE contracted hours give) is outside 0 to 1.5.", "Correct the FTE or hours."),
        new("HOURS_INVALID", ReasonOutcome.RowQuarantined, "Contracted hours is not a number between 0 and 100.", "Correct the contracted hours."),
        new("GRADE_CONFLICT", ReasonOutcome.RowQuarantined, "The pay band and the grade code name different grades.", "Correct one of them (grade codes are listed in grades.csv)."),
        new("DOB_INVALID", ReasonOutcome.RowQuarantined, "The date of birth is not a valid date.", "Correct the date (dd/MM/yyyy, yyyy-MM-dd or dd-MMM-yyyy)."),
        new("DOB_IMPOSSIBLE", ReasonOutcome.RowQuarantined, "The date of birth gives an age outside 14 to 100 at the snapshot date.", "Correct the date of birth."),
        new("AGE_INVALID", ReasonOutcome.RowQuarantined, "Age in years is not a whole number between 14 and 100.", "Correct the age."),
        new("HIRE_DATE_INVALID", ReasonOutcome.RowQuarantined, "The hire date is not a valid date.", "Correct the date (dd/MM/yyyy, yyyy-MM-dd or dd-MMM-yyyy)."),
        new("SNAPSHOT_MISSING", ReasonOutcome.RowQuarantined, "The row has no snapshot month, and neither the file name nor --snapshot gives one.", "Fill in the snapshot month, or name the month in the file name."),
        new("SNAPSHOT_INVALID", ReasonOutcome.RowQuarantined, "The snapshot is not a month (yyyymm, yyyy-mm) or a date.", "Correct the snapshot column."),
        new("DUPLICATE_ASSIGNMENT", ReasonOutcome.RowQuarantined, "The same assignment appears earlier in the file for the same month and organisation; the first was kept.", "Remove the duplicate from the export."),
        new("FORMULA_NOT_CALCULATED", ReasonOutcome.RowQuarantined, "A cell the row is read by holds a formula that was never calculated (a workbook written by a script and never opened), so its value is unknown.", "Open the workbook in Excel or LibreOffice, save it (which calculates it), and load it again."),
        new("FIELD_COUNT", ReasonOutcome.RowQuarantined, "The row has a different number of fields from the header, so its values cannot be matched to columns.", "Check the row for a stray separator or line break and export again."),
        new("VALUE_TOO_LONG", ReasonOutcome.RowQuarantined, "A value is longer than the warehouse column that stores it.", "Shorten the value in the source (the report names the column and its limit)."),

        // Rows quarantined: survey returns.
        new("SURVEY_NOT_A_NUMBER", ReasonOutcome.RowQuarantined, "A figure is not a number (blank, n/a, - and N/K mean not given).", "Type the figure as a number."),
        new("SURVEY_NEGATIVE", ReasonOutcome.RowQuarantined, "A figure is negative.", "Correct the figure."),
        new("SURVEY_ROLE_MISSING", ReasonOutcome.RowQuarantined, "The line has figures but no role.", "Choose the role for the line."),
        new("SURVEY_PROJECTION_MISSING", ReasonOutcome.RowQuarantined, "The demand line gives no projected WTE for 5 or 10 years.", "Give at least one projection."),
        new("SURVEY_VACANT_OVER_ESTABLISHMENT", ReasonOutcome.RowQuarantined, "Vacant WTE is more than the funded establishment.", "Correct the vacancy or the establishment."),
        new("SURVEY_FORMULA_NOT_CALCULATED", ReasonOutcome.RowQuarantined, "The cell holds a formula that was never calculated, so its figure is unknown.", "Open the workbook in Excel or LibreOffice, save it (which calculates it), and send it again."),

        // Warnings: the file loaded.
        new("SURVEY_ESTABLISHMENT_GAP", ReasonOutcome.Warning, "WTE in post plus vacant WTE does not equal the funded establishment.", "Check the three figures with the sender."),
        new("SURVEY_HIDDEN_ROWS", ReasonOutcome.Warning, "Hidden rows were not loaded.", "Unhide them and send the return again if they hold figures."),
        new("SURVEY_IDENTIFYING_TEXT_REMOVED", ReasonOutcome.Warning, "Free text held what looks like an NI or NHS number, a date, an e-mail address or a phone number; it was stored as [removed].", "Ask the sender to name and identify nobody in returns; check the text for names, which cannot be found this way."),
    ];

    private static readonly Dictionary<string, ReasonCode> ByCode = All.ToDictionary(r => r.Code, StringComparer.Ordinal);

    public static ReasonCode? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var reason) ? reason : null;

    /// <summary>What to do about a code, or the general advice for a code this build does not know.</summary>
    public static string WhatToDo(string? code) =>
        Find(code)?.WhatToDo ?? "Read the reason above, correct the file, and load it again. If the reason is unclear, send the report to the data engineering team.";

    /// <summary>docs/reason-codes.md: the catalogue as the table people read.</summary>
    public static string Markdown()
    {
        var text = new System.Text.StringBuilder();
        text.Append("# Reason codes\n\n")
            .Append("Every reason the program gives for a file or a row, as stored in `load_batch.reason_code` (`v_load_history`) and\n")
            .Append("`rejected_row.reason_code`, shown in the inbox reports, on `/loads` and `/send`, and in the Hangfire job's reason.\n")
            .Append("Generated from `src/StaffDataPipeline.Core/Pipeline/ReasonCatalogue.cs` (a test keeps the two equal).\n\n")
            .Append("| code | outcome | meaning | what to do |\n|---|---|---|---|\n");
        foreach (var r in All)
        {
            text.Append($"| `{r.Code}` | {Describe(r.Outcome)} | {r.Meaning} | {r.WhatToDo} |\n");
        }

        return text.ToString();
    }

    private static string Describe(ReasonOutcome outcome) => outcome switch
    {
        ReasonOutcome.FileRejected => "file rejected",
        ReasonOutcome.FileHeld => "file held",
        ReasonOutcome.FileFailed => "file failed (tried again)",
        ReasonOutcome.RowQuarantined => "row quarantined",
        _ => "warning (loaded)",
    };
}
