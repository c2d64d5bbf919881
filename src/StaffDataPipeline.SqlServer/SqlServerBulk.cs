using Microsoft.Data.SqlClient;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.SqlServer;

/// <summary>The column maps of what the adapter bulk-copies: staged facts, quarantined rows, survey lines and remap decisions.</summary>
internal static class SqlServerBulk
{
    public static readonly (string Name, Type Type, Func<StagedFact, object?> Get)[] StagedFacts =
    [
        ("batch_id", typeof(long), f => f.BatchId),
        ("source_row", typeof(long), f => f.Fact.SourceRow),
        ("snapshot_date", typeof(DateTime), f => f.Fact.SnapshotDate.ToDateTime(TimeOnly.MinValue)),
        ("organisation_code", typeof(string), f => f.Fact.Organisation.Code),
        ("organisation_name", typeof(string), f => f.Fact.Organisation.Name),
        ("organisation_type", typeof(string), f => f.Fact.Organisation.Type),
        ("role_code", typeof(string), f => f.Fact.Role.RoleCode),
        ("grade_code", typeof(string), f => f.Fact.Grade.Code),
        ("person_key", typeof(string), f => f.Fact.PersonKey),
        ("position_title", typeof(string), f => f.Fact.Post.PositionTitle),
        ("staff_group", typeof(string), f => f.Fact.Post.StaffGroup),
        ("occupation_code", typeof(string), f => f.Fact.Post.OccupationCode),
        ("area_of_work", typeof(string), f => f.Fact.Post.AreaOfWork),
        ("job_role", typeof(string), f => f.Fact.Post.JobRole),
        ("cost_centre", typeof(string), f => f.Fact.Post.CostCentre),
        ("grade_as_written", typeof(string), f => f.Fact.Post.GradeAsWritten),
        ("assignment_key", typeof(string), f => f.Fact.AssignmentKey),
        ("fte", typeof(decimal), f => f.Fact.Fte),
        ("contracted_hours", typeof(decimal), f => f.Fact.ContractedHours),
        ("is_primary", typeof(bool), f => f.Fact.IsPrimary),
        ("age_band", typeof(string), f => f.Fact.AgeBand),
        ("rule_id", typeof(string), f => f.Fact.Role.RuleId),
        ("service_area_code", typeof(string), f => f.Fact.ServiceArea.ServiceAreaCode),
        ("service_area_rule", typeof(string), f => f.Fact.ServiceArea.RuleId),
    ];

    public static readonly (string Name, Type Type, Func<(long Batch, RowRejection Row), object?> Get)[] Rejections =
    [
        ("batch_id", typeof(long), r => r.Batch),
        ("sheet_name", typeof(string), r => r.Row.Sheet),
        ("row_number", typeof(long), r => r.Row.RowNumber),
        ("column_name", typeof(string), r => r.Row.Column),
        ("reason_code", typeof(string), r => r.Row.ReasonCode),
        ("message", typeof(string), r => r.Row.Message),
    ];

    public static readonly (string Name, Type Type, Func<PostRoleDecision, object?> Get)[] PostDecisions =
    [
        ("position_id", typeof(long), d => d.PositionId),
        ("role_code", typeof(string), d => d.RoleCode),
        ("rule_id", typeof(string), d => d.RuleId),
        ("grade_code", typeof(string), d => d.GradeCode),
        ("in_scope", typeof(bool), d => d.IsInScope),
        ("service_area_code", typeof(string), d => d.ServiceArea.ServiceAreaCode),
        ("service_area_rule", typeof(string), d => d.ServiceArea.RuleId),
    ];

    public static readonly (string Name, Type Type, Func<SurveyRoleDecision, object?> Get)[] SurveyDecisions =
    [
        ("role_as_written", typeof(string), d => d.RoleAsWritten),
        ("grade_as_written", typeof(string), d => d.GradeAsWritten),
        ("role_code", typeof(string), d => d.RoleCode),
        ("rule_id", typeof(string), d => d.RuleId),
        ("grade_code", typeof(string), d => d.GradeCode),
    ];

    public static readonly (string Name, Type Type, Func<Organisations.OdsOrganisation, object?> Get)[] OdsOrganisations =
    [
        ("organisation_code", typeof(string), o => o.Code),
        ("organisation_name", typeof(string), o => o.Name),
        ("parent_code", typeof(string), o => o.ParentCode),
        ("national_grouping", typeof(string), o => o.NationalGrouping),
        ("open_date", typeof(DateTime), o => o.OpenDate?.ToDateTime(TimeOnly.MinValue)),
        ("close_date", typeof(DateTime), o => o.CloseDate?.ToDateTime(TimeOnly.MinValue)),
    ];

    /// <summary>
    /// CheckConstraints: without it SQL Server requires ALTER on the table (which the loader role does not have) and
    /// marks its foreign keys untrusted, so the optimiser stops relying on them. No TableLock: loaders share stage_fact.
    /// </summary>
    public const SqlBulkCopyOptions Options = SqlBulkCopyOptions.CheckConstraints;

    /// <summary>
    /// The longest text of each staged column (stage_fact's declared lengths; a test binds them to sql/sqlserver). Values
    /// from the source are quarantined in Core at these lengths; what is left (values from the reference data) is checked
    /// here, before SqlClient's bulk copy would fail the file with an error that quotes the value.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> StagedLengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["organisation_code"] = StoredLengths.OrganisationCode,
        ["organisation_name"] = StoredLengths.OrganisationName,
        ["organisation_type"] = 60,
        ["role_code"] = 30,
        ["grade_code"] = 30,
        ["person_key"] = 32,
        ["position_title"] = StoredLengths.PositionTitle,
        ["staff_group"] = StoredLengths.StaffGroup,
        ["occupation_code"] = StoredLengths.OccupationCode,
        ["area_of_work"] = StoredLengths.AreaOfWork,
        ["job_role"] = StoredLengths.JobRole,
        ["cost_centre"] = StoredLengths.CostCentre,
        ["grade_as_written"] = StoredLengths.GradeAsWritten,
        ["assignment_key"] = 32,
        ["age_band"] = 20,
        ["rule_id"] = 40,
        ["service_area_code"] = 30,
        ["service_area_rule"] = 40,
    };

    private static readonly (string Name, int Limit, Func<StagedFact, object?> Get)[] CheckedText =
        [.. StagedFacts.Where(c => c.Type == typeof(string)).Select(c => (c.Name, StagedLengths[c.Name], c.Get))];

    /// <summary>The first staged text longer than its column, as a refusal of the file naming the row and column (never the value).</summary>
    public static FileRejectedException? TooLong(StagedFact fact)
    {
        foreach (var (name, limit, get) in CheckedText)
        {
            if (get(fact) is string text && text.Length > limit)
            {
                return new FileRejectedException(
                    StoredLengths.ReasonCode,
                    $"Row {fact.Fact.SourceRow}: the value for warehouse column {name} is {text.Length} characters long, and the column holds {limit}; it comes from the reference data: shorten it there and load the file again.");
            }
        }

        return null;
    }

    public static async Task CopyAsync<T>(SqlConnection connection, SqlTransaction? transaction, string table, RecordReader<T> rows, int batchSize, CancellationToken ct)
    {
        using var bulk = new SqlBulkCopy(connection, Options, transaction)
        {
            DestinationTableName = table,
            EnableStreaming = true,
            BatchSize = batchSize,
            BulkCopyTimeout = 0,
        };
        for (var i = 0; i < rows.FieldCount; i++)
        {
            bulk.ColumnMappings.Add(rows.GetName(i), rows.GetName(i));
        }

        try
        {
            await bulk.WriteToServerAsync(rows, ct);
        }
        catch (InvalidOperationException ex) when (ex is not ObjectDisposedException)
        {
            // SqlClient reports a value that does not fit its column (and a few client-side faults) this way, with
            // the value in the message: replaced by a sentence without it, so the audit row and the log stay clean.
            throw new WarehouseUnavailableException(
                WarehouseUnavailableException.Unusable,
                $"The bulk copy into {table} failed on the client ({ex.GetType().Name}): a value did not fit its column, or the connection was lost. The value is not shown; the load was rolled back.");
        }
    }
}

/// <summary>A fact on its way into staging, tagged with its batch.</summary>
internal sealed record StagedFact(long BatchId, StaffFact Fact);
