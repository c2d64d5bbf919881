using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Surveys;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>
/// What one batch has counted and kept so far. Rejections are kept in detail up to <see cref="LoadOptions.MaxRejectionDetails"/>
/// and counted beyond it, whichever kind of source they come from.
/// </summary>
public sealed class BatchTally
{
    private readonly int _maxDetails;
    private readonly List<RowRejection> _rejections = [];
    private readonly Dictionary<UnmappedPost, long> _unmapped = [];
    private readonly List<SurveyWarning> _warnings = [];

    internal BatchTally(int maxDetails) => _maxDetails = maxDetails;

    public BatchCounts Counts { get; } = new();

    public IReadOnlyList<RowRejection> Rejections => _rejections;

    public IReadOnlyDictionary<UnmappedPost, long> Unmapped => _unmapped;

    public IReadOnlyList<SurveyWarning> Warnings => _warnings;

    /// <summary>A row that failed validation: counted, and kept in detail while under the cap.</summary>
    public void Reject(RowRejection rejection)
    {
        Counts.Rejected++;
        if (_rejections.Count < _maxDetails)
        {
            _rejections.Add(rejection);
        }
    }

    /// <summary>A row counted as loaded that turned out bad once the file was in (a later duplicate of an assignment).</summary>
    public void Unload(RowRejection rejection)
    {
        Counts.Loaded--;
        Reject(rejection);
    }

    /// <summary>Rows read but deliberately not streamed (hidden rows of a sheet): counted as read and excluded.</summary>
    public void Exclude(long rows)
    {
        Counts.Read += rows;
        Counts.Excluded += rows;
    }

    public void Warn(SurveyWarning warning) => _warnings.Add(warning);

    internal void CountUnmapped(UnmappedPost post) => _unmapped[post] = _unmapped.GetValueOrDefault(post) + 1;
}
