namespace StaffDataPipeline.Planning.Pack;

/// <summary>How a column's numbers are shown. Suppressed cells are text whatever the column's format.</summary>
public enum PackFormat
{
    Text = 0,

    /// <summary>A count of people: a whole number.</summary>
    Count = 1,

    /// <summary>FTE or WTE: one decimal place.</summary>
    Fte = 2,

    /// <summary>A share, stored as a fraction (0.25) and shown as a percentage with one decimal (25.0%).</summary>
    Percent = 3,

    /// <summary>A ratio (e.g. counsellors per consultant): two decimal places.</summary>
    Ratio = 4,

    /// <summary>A whole number that is not a count of people (months, organisations, years, runs): never suppressed.</summary>
    Whole = 5,
}

/// <summary>A column: its header and how its numbers are shown.</summary>
public sealed record PackColumn(string Header, PackFormat Format);

/// <summary>
/// One cell: a number (shown in the column's format) or text. A suppressed count is text (<c>&lt;5</c>), decided by
/// the pack builder, never by a writer.
/// </summary>
public readonly record struct PackCell(string? Text, double? Number)
{
    public static PackCell Empty { get; } = new(null, null);

    public static PackCell Of(string text) => new(text, null);

    public static PackCell Of(double number) => new(null, number);

    public static PackCell Of(double? number) => number is null ? Empty : new(null, number);

    public bool IsNumber => Number is not null;
}

/// <summary>A table: a caption, its columns and its rows (each row has one cell per column).</summary>
public sealed record PackTable(string Title, IReadOnlyList<PackColumn> Columns, IReadOnlyList<IReadOnlyList<PackCell>> Rows) : PackBlock;
