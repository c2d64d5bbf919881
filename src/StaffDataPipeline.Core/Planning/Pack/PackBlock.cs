namespace StaffDataPipeline.Planning.Pack;

/// <summary>A piece of a sheet, laid out top to bottom: text, a table or a chart.</summary>
public abstract record PackBlock;

/// <summary>What a piece of text is, so each writer can style it its own way.</summary>
public enum PackTextKind
{
    Heading = 0,
    Paragraph = 1,

    /// <summary>A caveat a reader must see beside the figures (suppression rule, data quality warning).</summary>
    Note = 2,
}

/// <summary>A heading, a paragraph or a note.</summary>
public sealed record PackText(PackTextKind Kind, string Text) : PackBlock;
