using System.Runtime.CompilerServices;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;
using StaffDataPipeline.Organisations;
using StaffDataPipeline.People;
using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Normalisation;

/// <summary>
/// Turns one ESR record into a fact, an exclusion, an out-of-scope count or a quarantined row.
/// Order matters for data minimisation: rows that are excluded or out of scope are never validated or hashed,
/// because nothing about them is kept. Thread-safe: an extraction may normalise several rows at once
/// (<see cref="IExtraction.Map{T}(Func{ISourceRecord, T})"/>), so every cache it reaches is a concurrent one and its one count is atomic.
/// </summary>
public sealed class EsrRowNormaliser
{
    private const decimal MaxFte = 1.5m;

    /// <summary>The column name recorded for a row quarantined whole.</summary>
    public const string WholeRow = "(whole row)";
    private readonly RoleMapper _mapper;
    private readonly OrganisationCatalogue _organisations;
    private readonly AssignmentRules _assignments;
    private readonly PersonPseudonymiser _pseudonymiser;
    private readonly HeaderMatch _header;
    private readonly IReadOnlyList<string> _headerNames;
    private readonly DateOnly? _fileSnapshot;
    private readonly GradeNotations _grades;
    private readonly StandardWeeks _weeks;
    private readonly EsrField _identifier;
    private readonly bool _hoursBeforeFte;
    private readonly ServiceAreaDecider _serviceAreas;

    public EsrRowNormaliser(
        ReferenceData.ReferenceDataSet reference,
        OrganisationCatalogue organisations,
        PersonPseudonymiser pseudonymiser,
        HeaderMatch header,
        IReadOnlyList<string> headerNames,
        DateOnly? fileSnapshot)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(header);
        _mapper = reference.Mapper;
        _organisations = organisations;
        _assignments = reference.Assignments;
        _pseudonymiser = pseudonymiser;
        _header = header;
        _headerNames = headerNames;
        _fileSnapshot = fileSnapshot;
        _grades = new GradeNotations(header, reference.Grades);
        _weeks = reference.StandardWeeks;
        _identifier = IdentifierOf(header);
        _hoursBeforeFte = header.Present(EsrField.Fte) is [EsrField.ContractedHours, ..];
        _serviceAreas = reference.ServiceAreas;
    }

    private long _rowsWithOnlyLocalIdentifier;

    // Rows are normalised on several threads; a file with more unlisted values than this has a wrong column.
    private const int MaxUnlisted = 20;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _unlisted = new(StringComparer.Ordinal);

    /// <summary>Statuses and contract types assignment-rules.csv does not list, with the rows excluded for each, as "status 'Apprentice' (31 rows)".</summary>
    public IReadOnlyList<string> UnlistedAssignmentValues =>
        [.. _unlisted.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} ({kv.Value:N0} {(kv.Value == 1 ? "row" : "rows")})")];

    /// <summary>Rows quarantined for want of the national identifier that have an employee number: an empty national column.</summary>
    public long RowsWithOnlyLocalIdentifier => Interlocked.Read(ref _rowsWithOnlyLocalIdentifier);

    /// <summary>Whether FTE and hours may have a decimal comma (<see cref="IExtraction.DecimalComma"/>).</summary>
    public bool DecimalComma { get; init; }

    /// <summary>
    /// The column a file's people are keyed on: its most preferred identifier notation (the national one, as shipped),
    /// for every row. Keying some rows on the local number instead would give one person two keys.
    /// </summary>
    public static EsrField IdentifierOf(HeaderMatch header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Present(EsrField.PersonId) is [var first, ..] ? first : EsrField.PersonId;
    }

    // The methods a row passes through are compiled optimised at their first call (AggressiveOptimization, here and in
    // the mapper, the caches and the CSV record view): tiered compilation ran them unoptimised for much of a national
    // load while its background compiler waited for start-up to settle (docs/benchmark.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RowOutcome Normalise(ISourceRecord r)
    {
        // A row that cannot be read field by field is quarantined before anything reads a field: its values may sit
        // in other fields' places (an NI number in FTE), so neither its scope nor its figures can be trusted.
        if (r.Defect is { } defect)
        {
            return RowOutcome.Rejected(new RowRejection(r.RowNumber, WholeRow, defect.ReasonCode, defect.Message)) with { MayBeFooter = defect.MayBeFooter };
        }

        if (!_assignments.StatusCounts(r.Field(EsrField.AssignmentStatus)) || !_assignments.ContractCounts(r.Field(EsrField.ContractType)))
        {
            if (_assignments.Unlisted(r.Field(EsrField.AssignmentStatus), r.Field(EsrField.ContractType)) is { } unlisted && (_unlisted.ContainsKey(unlisted) || _unlisted.Count < MaxUnlisted))
            {
                _unlisted.AddOrUpdate(unlisted, 1, static (_, n) => n + 1);
            }

            return RowOutcome.Excluded();
        }

        var input = MappingInputOf(r, _grades);
        if (_mapper.MapInScope(input) is not { } decision)
        {
            return RowOutcome.OutOfScope();
        }

        return Validate(r, input, decision);
    }

    /// <summary>The post's descriptors as an ESR record holds them: what the role mapper reads, nothing about the person.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static MappingInput MappingInputOf(ISourceRecord r, GradeNotations grades)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(grades);
        return new MappingInput(
            r.Field(EsrField.PositionTitle),
            r.Field(EsrField.StaffGroup),
            r.Field(EsrField.OccupationCode),
            r.Field(EsrField.AreaOfWork),
            r.Field(EsrField.JobRole),
            r.Field(EsrField.CostCentre),
            grades.TextOf(r));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RowOutcome Validate(ISourceRecord r, in MappingInput input, RoleDecision decision)
    {
        var personId = r.Field(_identifier);
        if (personId is null)
        {
            if (_identifier != EsrField.PersonId || r.Field(EsrField.EmployeeNumber) is null)
            {
                return Reject(r, _identifier, "MISSING_PERSON_ID", "No person identifier.");
            }

            Interlocked.Increment(ref _rowsWithOnlyLocalIdentifier);
            return Reject(r, _identifier, "MISSING_PERSON_ID", "No national identifier; the file's people are keyed on it, so the employee number is not used in its place (one person would get two keys).");
        }

        if (_grades.Contradiction(r) is { } grades)
        {
            return RowOutcome.Rejected(new RowRejection(
                r.RowNumber,
                $"{ColumnName(grades.First)} / {ColumnName(grades.Second)}",
                "GRADE_CONFLICT",
                $"{ColumnName(grades.First)} and {ColumnName(grades.Second)} name different grades; correct one of them (grade codes are listed in grades.csv)."));
        }

        var orgCode = r.Field(EsrField.OrganisationCode);
        if (orgCode is null)
        {
            return Reject(r, EsrField.OrganisationCode, "MISSING_ORGANISATION", "No organisation code.");
        }

        if (TooLong(r, input, orgCode) is { } tooLong)
        {
            return tooLong;
        }

        DateOnly snapshot;
        var snapshotText = r.Field(EsrField.SnapshotMonth) ?? r.Field(EsrField.SnapshotDate);
        if (snapshotText is not null)
        {
            if (!TextValues.TryMonth(snapshotText, out snapshot))
            {
                var field = r.Field(EsrField.SnapshotMonth) is not null ? EsrField.SnapshotMonth : EsrField.SnapshotDate;
                return Reject(r, field, "SNAPSHOT_INVALID", "The snapshot is not a month (yyyymm, yyyy-mm) or a date (dd/MM/yyyy, yyyy-MM-dd).");
            }
        }
        else if (_fileSnapshot is { } fromFile)
        {
            snapshot = fromFile;
        }
        else
        {
            return Reject(r, EsrField.SnapshotMonth, "SNAPSHOT_MISSING", "No snapshot month in the row, the file name or --snapshot.");
        }

        // FTE is the measure, so its problems are reported before those of contracted hours.
        decimal? stated = null;
        var fteText = r.Field(EsrField.Fte);
        if (fteText is not null)
        {
            if (!TextValues.TryFraction(fteText, DecimalComma, out var parsed))
            {
                return Reject(r, EsrField.Fte, "FTE_NOT_NUMBER", "FTE is not a number (use '.' for decimals, as in 0.6, or a percentage, as in 60%).");
            }

            stated = parsed;
        }

        decimal? hours = null;
        var hoursText = r.Field(EsrField.ContractedHours);
        if (hoursText is not null)
        {
            if (!TextValues.TryDecimal(hoursText, DecimalComma, out var h) || h < 0 || h > 100)
            {
                return Reject(r, EsrField.ContractedHours, "HOURS_INVALID", "Contracted hours is not a number between 0 and 100 (use '.' for decimals).");
            }

            hours = h;
        }

        // FTE is read first and hours divided by the staff group's standard week fill in, unless header-aliases.csv
        // prefers hours.
        var useHours = hours is not null && (_hoursBeforeFte || stated is null);
        if ((useHours ? Math.Round(hours!.Value / _weeks.HoursFor(input.StaffGroup), 4) : stated) is not { } fte)
        {
            return Reject(r, _header.Has(EsrField.Fte) ? EsrField.Fte : EsrField.ContractedHours, "FTE_MISSING", "Neither FTE nor contracted hours are given.");
        }

        if (fte < 0 || fte > MaxFte)
        {
            return useHours
                ? Reject(r, EsrField.ContractedHours, "FTE_OUT_OF_RANGE", $"Contracted hours over the staff group's {_weeks.HoursFor(input.StaffGroup)}-hour week give an FTE outside 0 to {MaxFte}.")
                : Reject(r, EsrField.Fte, "FTE_OUT_OF_RANGE", $"FTE is outside 0 to {MaxFte}.");
        }

        int? age = null;
        var dob = r.Field(EsrField.DateOfBirth);
        if (dob is not null)
        {
            // Messages say what is wrong with a value, never what it is: any column may hold a personal value in a broken file.
            if (!TextValues.TryDate(dob, out var born))
            {
                return Reject(r, EsrField.DateOfBirth, "DOB_INVALID", "Date of birth is not a valid date (dd/MM/yyyy, yyyy-MM-dd or dd-MMM-yyyy, as 31/12/1980, 1980-12-31 or 31-DEC-1980).");
            }

            age = AgeBand.AgeAt(born, snapshot);
            if (age is < 14 or > 100)
            {
                return Reject(r, EsrField.DateOfBirth, "DOB_IMPOSSIBLE", "Date of birth gives an age outside 14 to 100 at the snapshot date.");
            }
        }
        else if (r.Field(EsrField.AgeInYears) is { } ageText)
        {
            if (!int.TryParse(ageText, System.Globalization.CultureInfo.InvariantCulture, out var a) || a is < 14 or > 100)
            {
                return Reject(r, EsrField.AgeInYears, "AGE_INVALID", "Age in years is not a whole number between 14 and 100.");
            }

            age = a;
        }

        if (r.Field(EsrField.HireDate) is { } hire && !TextValues.TryDate(hire, out _))
        {
            return Reject(r, EsrField.HireDate, "HIRE_DATE_INVALID", "Hire date is not a valid date (dd/MM/yyyy, yyyy-MM-dd or dd-MMM-yyyy, as 31/12/2020, 2020-12-31 or 31-DEC-2020).");
        }

        var personKey = _pseudonymiser.Pseudonymise("person", personId);
        var assignment = r.Field(EsrField.AssignmentNumber);
        var assignmentKey = assignment is null ? personKey : _pseudonymiser.Pseudonymise("assignment", assignment);
        var post = new PostDescriptors(
            input.PositionTitle ?? string.Empty,
            input.StaffGroup ?? string.Empty,
            input.OccupationCode ?? string.Empty,
            input.AreaOfWork ?? string.Empty,
            input.JobRole ?? string.Empty,
            input.CostCentre ?? string.Empty,
            input.Grade ?? string.Empty);
        return RowOutcome.Loaded(new StaffFact(
            snapshot,
            _organisations.Resolve(orgCode, r.Field(EsrField.OrganisationName)),
            decision,
            decision.Grade,
            personKey,
            assignmentKey,
            fte,
            hours,
            TextValues.YesNo(r.Field(EsrField.PrimaryAssignment)),
            AgeBand.Of(age),
            post,
            r.RowNumber) { ServiceArea = _serviceAreas.Decide(input.AreaOfWork, input.CostCentre) });
    }

    /// <summary>
    /// The first stored text longer than the warehouse keeps (<see cref="StoredLengths"/>): quarantined with its column,
    /// never its value. Runs on every row, so the fitting case allocates nothing.
    /// </summary>
    private RowOutcome? TooLong(ISourceRecord r, in MappingInput input, string orgCode) =>
        Longer(r, EsrField.OrganisationCode, orgCode, StoredLengths.OrganisationCode, "An ODS organisation code is 3 to 6 characters: correct the code.")
        ?? Longer(r, EsrField.OrganisationName, r.Field(EsrField.OrganisationName), StoredLengths.OrganisationName, "Shorten the organisation name.")
        ?? Longer(r, EsrField.PositionTitle, input.PositionTitle, StoredLengths.PositionTitle, "Shorten the position title.")
        ?? Longer(r, EsrField.StaffGroup, input.StaffGroup, StoredLengths.StaffGroup, "Shorten the staff group.")
        ?? Longer(r, EsrField.OccupationCode, input.OccupationCode, StoredLengths.OccupationCode, "Correct the occupation code.")
        ?? Longer(r, EsrField.AreaOfWork, input.AreaOfWork, StoredLengths.AreaOfWork, "Shorten the area of work.")
        ?? Longer(r, EsrField.JobRole, input.JobRole, StoredLengths.JobRole, "Shorten the job role.")
        ?? Longer(r, EsrField.CostCentre, input.CostCentre, StoredLengths.CostCentre, "Shorten the cost centre.")
        ?? Longer(r, _header.Has(EsrField.Grade) ? EsrField.Grade : EsrField.GradeCode, input.Grade, StoredLengths.GradeAsWritten, "Correct the grade.");

    private RowOutcome? Longer(ISourceRecord r, EsrField field, string? value, int limit, string advice) =>
        StoredLengths.Fits(value, limit) ? null : Reject(r, field, StoredLengths.ReasonCode, StoredLengths.Message(ColumnName(field), value!.Length, limit, advice));

    private RowOutcome Reject(ISourceRecord r, EsrField field, string code, string message) =>
        RowOutcome.Rejected(new RowRejection(r.RowNumber, ColumnName(field), code, message));

    private string ColumnName(EsrField field) =>
        _header.ColumnOf(field) is { } c && c < _headerNames.Count ? _headerNames[c].Trim().Trim('\uFEFF') : field.ToString();
}
