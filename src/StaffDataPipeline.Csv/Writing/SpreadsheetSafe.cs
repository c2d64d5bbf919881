namespace StaffDataPipeline.Csv.Writing;

/// <summary>
/// CSV injection (OWASP): a cell that starts with = + - @, a tab or a carriage return is taken by Excel as a formula
/// (=HYPERLINK(…), =cmd|…). Every cell this program writes goes through here and gets a leading apostrophe, which
/// Excel shows as text and does not evaluate.
/// </summary>
public static class SpreadsheetSafe
{
    public static string Cell(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
