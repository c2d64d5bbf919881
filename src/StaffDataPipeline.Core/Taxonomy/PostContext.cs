namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// The one definition of what the rules read of a post's whereabouts: the context (title, area of work, cost centre,
/// job role) and the place (area of work, cost centre), each the parts that are not empty with " | " between. The
/// mapper's fast path, its explanation and `staffdata explain` all build or name them from here, so the order of the
/// parts is written once.
/// </summary>
public static class PostContext
{
    /// <summary>The context's parts in order, as `staffdata explain` names them.</summary>
    public const string ContextParts = "title | area | cost centre | job role";

    /// <summary>The place's parts in order, as `staffdata explain` names them.</summary>
    public const string PlaceParts = "area | cost centre";

    private const string Separator = " | ";

    /// <summary>The context of a post whose fields are already normalised.</summary>
    public static string Context(string title, string area, string costCentre, string jobRole) =>
        string.Create(ContextLength(title, area, costCentre, jobRole), (title, area, costCentre, jobRole), static (span, p) => WriteContext(span, p.title, p.area, p.costCentre, p.jobRole));

    /// <summary>The place of a post whose fields are already normalised.</summary>
    public static string Place(string area, string costCentre) =>
        string.Create(Length(area, costCentre, string.Empty, string.Empty), (area, costCentre), static (span, p) => Write(span, p.area, p.costCentre, string.Empty, string.Empty));

    /// <summary>The length of <see cref="Context"/>, for a caller that writes it into a buffer of its own.</summary>
    internal static int ContextLength(string title, string area, string costCentre, string jobRole) => Length(title, area, costCentre, jobRole);

    /// <summary>Writes <see cref="Context"/> into a span of exactly <see cref="ContextLength"/> characters.</summary>
    internal static void WriteContext(Span<char> span, string title, string area, string costCentre, string jobRole) =>
        Write(span, title, area, costCentre, jobRole);

    private static int Length(string a, string b, string c, string d)
    {
        var parts = (a.Length > 0 ? 1 : 0) + (b.Length > 0 ? 1 : 0) + (c.Length > 0 ? 1 : 0) + (d.Length > 0 ? 1 : 0);
        return a.Length + b.Length + c.Length + d.Length + (Math.Max(parts - 1, 0) * Separator.Length);
    }

    private static void Write(Span<char> span, string a, string b, string c, string d)
    {
        var at = 0;
        foreach (var part in (ReadOnlySpan<string>)[a, b, c, d])
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (at > 0)
            {
                Separator.CopyTo(span[at..]);
                at += Separator.Length;
            }

            part.CopyTo(span[at..]);
            at += part.Length;
        }
    }
}
