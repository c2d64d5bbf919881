using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Surveys;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>What became of one source row, for the template to count and write.</summary>
public enum SourceRowKind
{
    /// <summary>Loaded: one row for the warehouse (<see cref="SourceRow{TRow}.Row"/>) or several (<see cref="SourceRow{TRow}.Rows"/>).</summary>
    Loaded,

    /// <summary>Outside the scope of the warehouse (another organisation type, a role out of scope): counted, not stored.</summary>
    OutOfScope,

    /// <summary>Deliberately not stored (an excluded post, a total row): counted.</summary>
    Excluded,

    /// <summary>Failed validation: quarantined with its reason.</summary>
    Rejected,

    /// <summary>Nothing there (a blank line of a sheet): not even counted as read.</summary>
    Blank,
}

/// <summary>
/// One source row's outcome. A struct, and a single <see cref="Row"/> for the common case, so the per-row path of a
/// large ESR file allocates nothing for it.
/// </summary>
public readonly record struct SourceRow<TRow>(SourceRowKind Kind)
{
    public TRow? Row { get; init; }

    /// <summary>When one source row makes several warehouse rows (a survey line with projection horizons).</summary>
    public IReadOnlyList<TRow>? Rows { get; init; }

    public RowRejection? Rejection { get; init; }

    /// <summary>The post to count once in the review queue when the row's role was not mapped.</summary>
    public UnmappedPost? Unmapped { get; init; }

    /// <summary>A concern about a loaded row a reviewer should see.</summary>
    public SurveyWarning? Warning { get; init; }
}

/// <summary>Outcomes of one source row, with the row type inferred where there is a row.</summary>
public static class SourceRow
{
    public static SourceRow<TRow> Loaded<TRow>(TRow row) => new(SourceRowKind.Loaded) { Row = row };

    public static SourceRow<TRow> LoadedMany<TRow>(IReadOnlyList<TRow> rows) => new(SourceRowKind.Loaded) { Rows = rows };

    public static SourceRow<TRow> Rejected<TRow>(RowRejection rejection) => new(SourceRowKind.Rejected) { Rejection = rejection };

    public static SourceRow<TRow> Of<TRow>(SourceRowKind kind) => new(kind);
}
