using System.Runtime.CompilerServices;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Grades;
using StaffDataPipeline.Headers;

namespace StaffDataPipeline.Normalisation;

/// <summary>
/// Reads a row's grade from the notations its file has (pay band, ESR grade code), in header-aliases.csv's order of
/// preference: the first that resolves to a known grade is the one mapped and stored. Two notations that resolve to
/// different grades contradict each other, and the row cannot be trusted with either.
/// </summary>
public sealed class GradeNotations
{
    // Grades take a handful of spellings per file; a damaged file with many is parsed without the cache.
    private const int MaxCached = 1_024;
    private readonly EsrField[] _columns;
    private readonly GradeCatalogue _grades;
    private readonly Taxonomy.BoundedCache<string, Grade> _parsed = new(MaxCached);

    public GradeNotations(HeaderMatch header, GradeCatalogue grades)
    {
        ArgumentNullException.ThrowIfNull(header);
        _columns = [.. header.Present(EsrField.Grade)];
        _grades = grades;
    }

    /// <summary>The grade text the mapper reads: the first notation that resolves, else the first one given, else null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? TextOf(ISourceRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (_columns.Length <= 1)
        {
            return _columns.Length == 0 ? null : r.Field(_columns[0]);
        }

        string? first = null;
        foreach (var column in _columns)
        {
            if (r.Field(column) is not { } text)
            {
                continue;
            }

            if (IsKnown(text))
            {
                return text;
            }

            first ??= text;
        }

        return first;
    }

    /// <summary>Two notations of this row that name different known grades, or null when they agree (or fewer than two resolve).</summary>
    public (EsrField First, EsrField Second)? Contradiction(ISourceRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        (EsrField Column, Grade Grade)? known = null;
        for (var i = 0; i < _columns.Length && _columns.Length > 1; i++)
        {
            if (r.Field(_columns[i]) is not { } text || Parse(text) is not { } grade || grade.Code == Grade.UnknownCode)
            {
                continue;
            }

            if (known is { } k && !string.Equals(k.Grade.Code, grade.Code, StringComparison.Ordinal))
            {
                return (k.Column, _columns[i]);
            }

            known ??= (_columns[i], grade);
        }

        return null;
    }

    private bool IsKnown(string text) => Parse(text).Code != Grade.UnknownCode;

    private Grade Parse(string text) => _parsed.GetOrAdd(text, static (t, grades) => grades.Parse(t), _grades);
}
