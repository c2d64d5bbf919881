using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StaffDataPipeline.PlanningPack.Xlsx;

/// <summary>The fonts a pack cell uses (fixed list, so the styles part is the same for every pack).</summary>
internal enum XFont
{
    Normal = 0,
    Bold = 1,
    Title = 2,
    Heading = 3,
    Note = 4,
    Run = 5,
}

/// <summary>The fills a pack cell uses.</summary>
internal enum XFill
{
    None = 0,
    Header = 2,
    Note = 3,
}

/// <summary>
/// One cell style. <see cref="QuotePrefix"/> marks text that starts like a formula (= + - @, tab, CR): the cell is
/// already an inline string, never a formula, and the prefix keeps Excel from turning it into one when a reader edits it.
/// </summary>
internal readonly record struct XStyle(XFont Font, XFill Fill = XFill.None, bool HeaderBorder = false, uint NumberFormat = 0, bool Wrap = false, bool QuotePrefix = false, bool Right = false);

/// <summary>
/// The workbook's cell styles, numbered in the order the writer first asks for them (so the same document gives the
/// same numbering). Index 0 is the plain default Excel requires.
/// </summary>
internal sealed class XlsxStyles
{
    public const uint OneDecimal = 164;
    public const uint PercentOneDecimal = 165;

    private readonly Dictionary<XStyle, uint> _index = [];
    private readonly List<XStyle> _styles = [];

    public XlsxStyles() => Index(new XStyle(XFont.Normal));

    public uint Index(XStyle style)
    {
        if (!_index.TryGetValue(style, out var index))
        {
            index = (uint)_styles.Count;
            _styles.Add(style);
            _index.Add(style, index);
        }

        return index;
    }

    /// <summary>The number format id for a format code the pack uses: built-in ids for "0" and "0.00", ours for the rest.</summary>
    public static uint NumberFormatId(string code) => code switch
    {
        "0" => 1,
        "0.00" => 2,
        "0.0" => OneDecimal,
        "0.0%" => PercentOneDecimal,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "No number format for this code."),
    };

    public Stylesheet Build()
    {
        var formats = new CellFormats { Count = (uint)_styles.Count };
        foreach (var s in _styles)
        {
            var xf = new CellFormat
            {
                NumberFormatId = s.NumberFormat,
                FontId = (uint)s.Font,
                FillId = (uint)s.Fill,
                BorderId = s.HeaderBorder ? 1U : 0U,
                FormatId = 0,
            };
            if (s.NumberFormat != 0)
            {
                xf.ApplyNumberFormat = true;
            }

            if (s.Font != XFont.Normal)
            {
                xf.ApplyFont = true;
            }

            if (s.Fill != XFill.None)
            {
                xf.ApplyFill = true;
            }

            if (s.HeaderBorder)
            {
                xf.ApplyBorder = true;
            }

            if (s.QuotePrefix)
            {
                xf.QuotePrefix = true;
            }

            // Every cell top-aligned, so a label beside a wrapped cell stays level with the first line of its figures.
            xf.ApplyAlignment = true;
            xf.Alignment = new Alignment
            {
                WrapText = s.Wrap ? true : null,
                Horizontal = s.Right ? HorizontalAlignmentValues.Right : null,
                Vertical = VerticalAlignmentValues.Top,
            };

            formats.Append(xf);
        }

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = OneDecimal, FormatCode = "0.0" },
                new NumberingFormat { NumberFormatId = PercentOneDecimal, FormatCode = "0.0%" })
            { Count = 2 },
            new Fonts(
                Font(11, bold: false, italic: false, "000000"),
                Font(11, bold: true, italic: false, "000000"),
                Font(16, bold: true, italic: false, "1F3864"),
                Font(13, bold: true, italic: false, "1F3864"),
                Font(11, bold: false, italic: true, "5C2E00"),
                Font(10, bold: false, italic: false, "404040"))
            { Count = 6 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("D9E2F3"),
                Solid("FFF2CC"))
            { Count = 4 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Rgb = "FF1F3864" }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
            { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(double size, bool bold, bool italic, string rgb)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        if (italic)
        {
            font.Append(new Italic());
        }

        font.Append(new FontSize { Val = size });
        font.Append(new Color { Rgb = HexBinaryValue.FromString("FF" + rgb) });
        font.Append(new FontName { Val = "Calibri" });
        font.Append(new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static Fill Solid(string rgb) =>
        new(new PatternFill(new ForegroundColor { Rgb = HexBinaryValue.FromString("FF" + rgb) }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
}
