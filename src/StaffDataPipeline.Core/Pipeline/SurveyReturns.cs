using StaffDataPipeline.Extraction;
using StaffDataPipeline.Surveys;
using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>
/// Survey return workbooks as a source kind: the cover decides the organisation, period and service area (a return
/// supersedes an earlier one for the same three); each row becomes workforce, projection or comment lines; sheet names
/// in every message. The lifecycle around it is the template's (<see cref="BatchLoad"/>), as for ESR files.
/// </summary>
public sealed class SurveyReturns : SourceKind<ISurveyExtractor, SurveyLine>
{
    public override IBatchSource<SurveyLine> Open(SourceFile source, ISurveyExtractor format, LoadContext context)
    {
        var extraction = format.Open(source);
        try
        {
            var header = SurveyCoverValidator.Validate(extraction.Cover, context.Organisations, DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime), source.FileName);
            return new Opened(source, extraction, header, context);
        }
        catch
        {
            extraction.Dispose();
            throw;
        }
    }

    private sealed class Opened(SourceFile source, ISurveyExtraction extraction, SurveyReturnHeader header, LoadContext context) : IBatchSource<SurveyLine>
    {
        public SourceRefusal? Refusal => null;

        public string VolumeUnit => "lines";

        public BatchStart Start(BatchStart start) => start;

        public async Task<IBatchWriter<SurveyLine>> BeginAsync(BatchStart start, CancellationToken cancellationToken) =>
            context.DryRun ? new DryRunWriter<SurveyLine>() : await context.Warehouse.BeginSurveyBatchAsync(start, header, cancellationToken);

        public IEnumerable<SourceRow<SurveyLine>> Rows()
        {
            var normaliser = new SurveyRowNormaliser(context.Reference.Mapper);
            foreach (var record in extraction.Records())
            {
                var outcome = normaliser.Normalise(record);
                yield return outcome.Kind switch
                {
                    SurveyRowKind.Lines => SourceRow.LoadedMany(outcome.Produced) with { Unmapped = UnmappedOf(outcome.Produced), Warning = outcome.Warning },
                    SurveyRowKind.Total => SourceRow.Of<SurveyLine>(SourceRowKind.Excluded),
                    SurveyRowKind.OutOfScope => SourceRow.Of<SurveyLine>(SourceRowKind.OutOfScope),
                    SurveyRowKind.Rejected => SourceRow.Rejected<SurveyLine>(outcome.Rejection!),
                    _ => SourceRow.Of<SurveyLine>(SourceRowKind.Blank),
                };
            }
        }

        public Task AfterRowsAsync(BatchTally tally, CancellationToken cancellationToken)
        {
            // Hidden rows are treated like hidden sheets: not loaded, and said so, since they often hold last period's figures.
            foreach (var hidden in extraction.HiddenRows)
            {
                tally.Exclude(hidden.Count);
                tally.Warn(new SurveyWarning(hidden.SheetName, hidden.First, "SURVEY_HIDDEN_ROWS", $"{hidden.Describe()} and {(hidden.Count == 1 ? "was" : "were")} not loaded; unhide them and resubmit if they hold figures for this return."));
            }

            // Workbooks are read by random access, so the bytes are hashed again: a file replaced mid-read must not be
            // recorded under the hash of other bytes.
            SourceFileReader.VerifyUnchanged(source);
            return Task.CompletedTask;
        }

        public SourceRefusal? Empty(BatchCounts counts) =>
            counts.Loaded == 0 && counts.Rejected == 0 ? new SourceRefusal("SURVEY_NO_LINES", "The return has a cover but no workforce, demand or comment lines.") : null;

        public string ThresholdMessage(BatchCounts counts, double threshold) =>
            $"{counts.Rejected} of {counts.Loaded + counts.Rejected} lines ({counts.RejectedShare:P1}) failed validation, more than the {threshold:P1} allowed: the whole return is rejected. See the quarantined lines below.";

        public FileLoadReport Describe(FileLoadReport report) => report with
        {
            IsSurveyReturn = true,
            UnknownOrganisations = header.Organisation.IsKnown ? [] : [header.Organisation.Code],
            RolledUpSites = header.Organisation.RolledUpFrom is { } site ? [$"{site} → {header.Organisation.Code}"] : [],
        };

        public void Dispose() => extraction.Dispose();

        // One review count per row, not per projection horizon.
        private static UnmappedPost? UnmappedOf(IReadOnlyList<SurveyLine> lines) =>
            lines.FirstOrDefault(l => l is WorkforceLine { Role.RoleCode: Role.Unmapped } or ProjectionLine { Role.RoleCode: Role.Unmapped }) is { } unmapped
                ? new UnmappedPost(unmapped is WorkforceLine w ? w.RoleAsWritten : ((ProjectionLine)unmapped).RoleAsWritten, string.Empty, string.Empty, "Survey return", string.Empty)
                : null;
    }
}
