using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>What happened to one file: the basis of the per-file summary the CLI prints.</summary>
public sealed record FileLoadReport(string FilePath, FileLoadStatus Status, BatchCounts Counts, TimeSpan Elapsed)
{
    /// <summary>The file's name; a path with nothing after its last separator ("returns/") is shown as given.</summary>
    public string FileName => Path.GetFileName(Path.TrimEndingDirectorySeparator(FilePath)) is { Length: > 0 } name ? name : FilePath;

    public long? BatchId { get; init; }

    /// <summary>For a file already loaded under another name: the name the batch took it under.</summary>
    public string? LoadedAs { get; init; }

    public string? Extractor { get; init; }

    /// <summary>A survey return rather than an ESR file: its excluded rows are total rows, and it supersedes by period and service area.</summary>
    public bool IsSurveyReturn { get; init; }

    public string? Message { get; init; }

    /// <summary>The SHA-256 of the bytes the load read (the batch's hash); null when the file could not be read at all.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Why a file was rejected or failed, as stored on its batch row.</summary>
    public string? ReasonCode { get; init; }

    public IReadOnlyList<RowRejection> Rejections { get; init; } = [];

    public IReadOnlyList<string> UnknownColumns { get; init; } = [];

    public IReadOnlyList<string> PersonalColumnsDropped { get; init; } = [];

    public IReadOnlyList<string> UnknownOrganisations { get; init; } = [];

    /// <summary>Grades as written (pay band or grade code) that grades.csv does not know: their facts were graded Unknown.</summary>
    public IReadOnlyList<string> UnknownGrades { get; init; } = [];

    /// <summary>Site codes (5-character ODS codes) in the file whose facts were recorded against their trust, as "R0A02 → R0A".</summary>
    public IReadOnlyList<string> RolledUpSites { get; init; } = [];

    public long UnmappedRows { get; init; }

    /// <summary>Assignment statuses and contract types assignment-rules.csv does not list, whose rows were excluded, with their counts.</summary>
    public IReadOnlyList<string> UnlistedAssignmentValues { get; init; } = [];

    /// <summary>The months (yyyy-MM) an ESR file's stored rows are for.</summary>
    public IReadOnlyList<string> Months { get; init; } = [];

    /// <summary>Said when the rows' month is not the one the file's name or --snapshot gives.</summary>
    public string? MonthNote { get; init; }

    /// <summary>Lines below an ESR file's data that held a total, a count or a report footer: not records, not read.</summary>
    public IReadOnlyList<long> FooterLines { get; init; } = [];

    /// <summary>Survey lines loaded with a consistency concern a reviewer should see.</summary>
    public IReadOnlyList<Surveys.SurveyWarning> Warnings { get; init; } = [];

    public CommitResult? Commit { get; init; }

    public bool Succeeded => Status is FileLoadStatus.Loaded or FileLoadStatus.AlreadyLoaded or FileLoadStatus.Valid or FileLoadStatus.Skipped;
}
