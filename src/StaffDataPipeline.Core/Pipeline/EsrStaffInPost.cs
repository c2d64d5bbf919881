using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>
/// ESR staff-in-post files as a source kind: header checks, the snapshot month, one fact per row, later duplicates of
/// an assignment dropped once the file is in. The lifecycle around it is the template's (<see cref="BatchLoad"/>).
/// </summary>
public sealed class EsrStaffInPost : SourceKind<IExtractor, StaffFact>
{
    public override IBatchSource<StaffFact> Open(SourceFile source, IExtractor format, LoadContext context)
    {
        var extraction = format.Open(source, new ExtractionOptions(context.Reference.Aliases) { EncodingName = context.Options.EncodingFor(source.FileName), Parallelism = context.Options.Threads });
        try
        {
            return new Opened(source, extraction, context);
        }
        catch
        {
            extraction.Dispose();
            throw;
        }
    }

    private sealed class Opened : IBatchSource<StaffFact>
    {
        // Grades listed in a report: a file with more unknown spellings than this has a wrong column, not new spellings.
        private const int MaxListed = 20;

        // A report's footer is a few lines; more short rows at the end are a damaged file, and are quarantined.
        private const int MaxFooterLines = 10;
        private readonly List<long> _footerLines = [];
        private readonly SortedSet<DateOnly> _months = [];
        private readonly string _fileName;
        private readonly IExtraction _extraction;
        private readonly LoadContext _context;
        private readonly HeaderMatch _header;
        private readonly IReadOnlyList<string> _headerNames;
        private readonly EsrRowNormaliser? _normaliser;
        private readonly SortedSet<string> _unknownOrgs = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _unknownGrades = new(StringComparer.OrdinalIgnoreCase);
        private readonly SortedSet<string> _rolledUp = new(StringComparer.Ordinal);
        private IStaffInPostBatchWriter? _writer;

        public Opened(SourceFile source, IExtraction extraction, LoadContext context)
        {
            _extraction = extraction;
            _context = context;
            _fileName = source.FileName;
            _header = extraction.Header;
            _headerNames = extraction is IHasHeaderNames named ? named.HeaderNames : _header.Columns.OrderBy(kv => kv.Value).Select(kv => kv.Key.ToString()).ToList();
            Refusal = Refuse(source);
            if (Refusal is null)
            {
                _normaliser = new EsrRowNormaliser(context.Reference, context.Organisations, context.Pseudonymiser, _header, _headerNames, FileSnapshot(source)) { DecimalComma = extraction.DecimalComma };
            }
        }

        public SourceRefusal? Refusal { get; }

        public string VolumeUnit => "facts";

        public BatchStart Start(BatchStart start) => start with
        {
            KeyCheck = _context.Pseudonymiser.KeyCheck,
            PersonIdentifier = _header.Present(EsrField.PersonId).Count > 0 ? People.PersonIdentifierKind.Of(EsrRowNormaliser.IdentifierOf(_header)) : null,
        };

        public async Task<IBatchWriter<StaffFact>> BeginAsync(BatchStart start, CancellationToken cancellationToken) =>
            _writer = _context.DryRun ? new DryRunBatchWriter() : await _context.Warehouse.BeginBatchAsync(start, cancellationToken);

        public IEnumerable<SourceRow<StaffFact>> Rows()
        {
            // Rows are normalised on as many threads as the extraction runs (see IExtraction.Map), and come back in order.
            // A short, nearly empty row is held back until the next record shows it was not the start of a footer
            // (an ESR BI report's total, headcount and "End of Report" lines): only what ends the file is a footer.
            // Where the writer is slower than one mapping thread and most rows are stored, the rest of the file is mapped
            // on one thread (MappingThreads).
            var held = new List<RowRejection>();
            var holding = true;
            var threads = _writer!.SlowerThanOneMappingThread ? new MappingThreads() : null;
            var outcomes = threads is null ? _extraction.Map(_normaliser!.Normalise) : _extraction.Map(_normaliser!.Normalise, threads.AfterSample);
            foreach (var outcome in outcomes)
            {
                threads?.Count(outcome.Kind == RowOutcomeKind.Loaded);
                if (holding && outcome.MayBeFooter)
                {
                    held.Add(outcome.Rejection!);
                    if (held.Count <= MaxFooterLines)
                    {
                        continue;
                    }

                    // More short rows than a footer has: a damaged file, whose short rows are all quarantined.
                    holding = false;
                    foreach (var rejection in held)
                    {
                        yield return SourceRow.Rejected<StaffFact>(rejection);
                    }

                    held.Clear();
                    continue;
                }

                foreach (var rejection in held)
                {
                    yield return SourceRow.Rejected<StaffFact>(rejection);
                }

                held.Clear();
                switch (outcome.Kind)
                {
                    case RowOutcomeKind.Loaded:
                        var fact = outcome.Fact!;
                        Observe(fact);
                        yield return fact.Role.RoleCode == Taxonomy.Role.Unmapped
                            ? SourceRow.Loaded(fact) with { Unmapped = UnmappedPost.From(fact.Post) }
                            : SourceRow.Loaded(fact);
                        break;
                    case RowOutcomeKind.OutOfScope:
                        yield return SourceRow.Of<StaffFact>(SourceRowKind.OutOfScope);
                        break;
                    case RowOutcomeKind.Excluded:
                        yield return SourceRow.Of<StaffFact>(SourceRowKind.Excluded);
                        break;
                    case RowOutcomeKind.Rejected:
                        yield return SourceRow.Rejected<StaffFact>(outcome.Rejection!);
                        break;
                }
            }

            _footerLines.AddRange(held.Select(r => r.RowNumber));
            foreach (var _ in held)
            {
                yield return SourceRow.Of<StaffFact>(SourceRowKind.Blank);
            }
        }

        public async Task AfterRowsAsync(BatchTally tally, CancellationToken cancellationToken)
        {
            var duplicateColumn = _header.ColumnOf(EsrField.AssignmentNumber) is { } c ? _headerNames[c] : _headerNames[_header.Columns[EsrRowNormaliser.IdentifierOf(_header)]];
            foreach (var row in await _writer!.RemoveDuplicateAssignmentsAsync(cancellationToken))
            {
                tally.Unload(new RowRejection(row, duplicateColumn, "DUPLICATE_ASSIGNMENT", "The same assignment appears earlier in this file for the same month and organisation; the first occurrence was kept."));
            }
        }

        public SourceRefusal? Empty(BatchCounts counts) =>
            counts.Read == 0 ? new SourceRefusal("EMPTY_FILE", "The file has a header but no data rows.") : null;

        public string ThresholdMessage(BatchCounts counts, double threshold)
        {
            var message = $"{counts.Rejected} of {counts.Loaded + counts.Rejected} in-scope rows ({counts.RejectedShare:P1}) failed validation, more than the {threshold:P1} allowed: the whole file is rejected. See the quarantined rows below.";
            if (_normaliser!.RowsWithOnlyLocalIdentifier * 2 > counts.Rejected && _header.ColumnOf(EsrField.PersonId) is { } national && _header.ColumnOf(EsrField.EmployeeNumber) is { } local)
            {
                message += $" {_normaliser.RowsWithOnlyLocalIdentifier} of them have '{_headerNames[local]}' but no '{_headerNames[national]}': if that column is empty in this export, remove it and the file will be keyed on '{_headerNames[local]}'.";
            }

            return message;
        }

        public FileLoadReport Describe(FileLoadReport report) => report with
        {
            UnknownColumns = _header.UnknownColumns,
            PersonalColumnsDropped = _header.PersonalColumnsDropped,
            UnknownOrganisations = _unknownOrgs.ToList(),
            UnknownGrades = _unknownGrades.ToList(),
            RolledUpSites = _rolledUp.ToList(),
            FooterLines = _footerLines,
            UnlistedAssignmentValues = _normaliser?.UnlistedAssignmentValues ?? [],
            Months = [.. _months.Select(Month)],
            MonthNote = MonthNote(),
        };

        public void Dispose() => _extraction.Dispose();

        // A month column wins (per row), then the file name, then --snapshot.
        private DateOnly? FileSnapshot(SourceFile source) =>
            SnapshotFromFileName.Find(source.FileName) ?? (_context.Options.Snapshot is { } flag ? TextValues.MonthEnd(flag) : null);

        private SourceRefusal? Refuse(SourceFile source)
        {
            var missing = RequiredFields.Missing(_header);
            if (missing.Count > 0)
            {
                var aliases = _context.Reference.Aliases;
                var message = string.Join(" ", missing.Select(any =>
                    $"Missing required column: {string.Join(" or ", any.Select(RequiredFields.Display))} (header names tried: {string.Join(", ", any.SelectMany(aliases.AliasesOf).Select(a => $"'{a}'"))}).")) +
                    " Export the file again with the column, or add its heading to header-aliases.csv.";
                return new SourceRefusal("MISSING_COLUMN", message);
            }

            return FileSnapshot(source) is null && !_header.Has(EsrField.SnapshotMonth) && !_header.Has(EsrField.SnapshotDate)
                ? new SourceRefusal(
                    "NO_SNAPSHOT_MONTH",
                    "No snapshot month: the file has no snapshot column (e.g. 'Tm Year Month', 'Effective Date'), its name holds no month (e.g. '202303' or '2023-03'), and no --snapshot was given.")
                : null;
        }

        /// <summary>A month as the report names it (yyyy-MM).</summary>
        private static string Month(DateOnly date) => date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// When the rows' month is not the one the file's name or --snapshot gives (the rows win): said, since a file
        /// loaded as another month than its sender meant supersedes that month.
        /// </summary>
        private string? MonthNote()
        {
            var byName = SnapshotFromFileName.Find(_fileName);
            var byFlag = _context.Options.Snapshot is { } flag ? TextValues.MonthEnd(flag) : (DateOnly?)null;
            if (_months.Count == 0)
            {
                return null;
            }

            var rows = _months.Count == 1 ? Month(_months.Min) : $"{_months.Count} months";
            if (byName is { } name && _months.Any(m => m != name))
            {
                var flagToo = byFlag is { } also && also != name ? $" and {Month(also)} from --snapshot" : string.Empty;
                return $"the rows give their month ({rows}), which wins over {Month(name)} from its name{flagToo}: check that this is the month meant";
            }

            if (byName is null && byFlag is { } given && _months.Any(m => m != given))
            {
                return $"the rows give their month ({rows}), which wins over {Month(given)} from --snapshot: check that this is the month meant";
            }

            return byName is { } named && byFlag is { } ignored && ignored != named
                ? $"--snapshot {Month(ignored)} was not used: the file's name gives {Month(named)}, which wins; rename the file to load it as another month"
                : null;
        }

        private void Observe(StaffFact fact)
        {
            _months.Add(fact.SnapshotDate);
            if (!fact.Organisation.IsKnown)
            {
                _unknownOrgs.Add(fact.Organisation.Code);
            }

            // A grade given and not known would otherwise become Unknown without a word.
            if (fact.Grade.Code == Grades.Grade.UnknownCode && fact.Post.GradeAsWritten.Length > 0 && _unknownGrades.Count < MaxListed
                && !_unknownGrades.Contains(fact.Post.GradeAsWritten) && !_context.Reference.Grades.Knows(fact.Post.GradeAsWritten))
            {
                _unknownGrades.Add(fact.Post.GradeAsWritten);
            }

            if (fact.Organisation.RolledUpFrom is { } site)
            {
                _rolledUp.Add($"{site} → {fact.Organisation.Code}");
            }
        }
    }
}
