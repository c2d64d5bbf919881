namespace StaffDataPipeline.Planning.Pack;

/// <summary>
/// The planning pack as content: every figure, table, chart and sentence it shows, decided in Core (suppression,
/// rounding, order, wording). The workbook and HTML writers only lay it out, so the two always say the same thing.
/// <see cref="RunStatement"/> is the only place a time appears (the stated run time), so the same inputs and seed give
/// the same bytes.
/// </summary>
public sealed record PackDocument(string Title, string RunStatement, IReadOnlyList<PackSheet> Sheets);

/// <summary>
/// One sheet of the workbook and one section of the page. <see cref="Name"/> is the sheet tab (unique in the pack, at
/// most 31 characters, none of <c>[]:*?/\</c>); <see cref="Heading"/> is what a reader sees at the top.
/// </summary>
public sealed record PackSheet(string Name, string Heading, IReadOnlyList<PackBlock> Blocks);
