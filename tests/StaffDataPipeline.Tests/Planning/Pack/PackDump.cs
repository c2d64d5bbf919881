using System.Globalization;
using System.Text;
using StaffDataPipeline.Planning.Pack;

namespace StaffDataPipeline.Tests.Planning.Pack;

/// <summary>A pack as plain text, every block and cell in order: two documents are equal when their dumps are.</summary>
internal static class PackDump
{
    public static string Of(PackDocument document)
    {
        var text = new StringBuilder();
        text.Append("# ").AppendLine(document.Title).AppendLine(document.RunStatement);
        foreach (var sheet in document.Sheets)
        {
            text.Append("== ").Append(sheet.Name).Append(" | ").AppendLine(sheet.Heading);
            foreach (var block in sheet.Blocks)
            {
                switch (block)
                {
                    case PackText t:
                        text.Append(t.Kind).Append(": ").AppendLine(t.Text);
                        break;
                    case PackTable t:
                        text.Append("table ").AppendLine(t.Title).AppendLine(string.Join(" | ", t.Columns.Select(c => $"{c.Header} [{c.Format}]")));
                        foreach (var row in t.Rows)
                        {
                            text.AppendLine(string.Join(" | ", row.Select(Cell)));
                        }

                        break;
                    case PackChart c:
                        text.Append("chart ").Append(c.Title).Append(" (").Append(c.CategoryAxisTitle).Append(" / ").Append(c.ValueAxisTitle).Append(") ").AppendLine(string.Join(",", c.Categories));
                        foreach (var s in c.Series)
                        {
                            text.Append("  ").Append(s.Name).Append(" [").Append(s.Kind).Append("] ").AppendLine(string.Join(",", s.Values.Select(v => v?.ToString("R", CultureInfo.InvariantCulture) ?? "-")));
                        }

                        break;
                    default:
                        throw new InvalidOperationException($"unknown block {block.GetType().Name}");
                }
            }
        }

        return text.ToString();
    }

    public static string Cell(PackCell cell) => cell.IsNumber ? cell.Number!.Value.ToString("R", CultureInfo.InvariantCulture) : cell.Text ?? "";

    public static IEnumerable<PackTable> Tables(this PackSheet sheet) => sheet.Blocks.OfType<PackTable>();

    public static IEnumerable<PackChart> Charts(this PackSheet sheet) => sheet.Blocks.OfType<PackChart>();

    public static IEnumerable<string> Texts(this PackSheet sheet) => sheet.Blocks.OfType<PackText>().Select(t => t.Text);

    public static PackTable Table(this PackSheet sheet, string titleStart) => sheet.Tables().Single(t => t.Title.StartsWith(titleStart, StringComparison.Ordinal));

    /// <summary>The cells of a table's rows whose first cell is <paramref name="first"/>, by column header.</summary>
    public static IReadOnlyDictionary<string, PackCell> Row(this PackTable table, string first, int column = 0)
    {
        var row = table.Rows.Single(r => r[column].Text == first);
        return table.Columns.Select((c, i) => (c.Header, Cell: row[i])).ToDictionary(p => p.Header, p => p.Cell, StringComparer.Ordinal);
    }
}
