using Dapper;
using Microsoft.Data.Sqlite;
using StaffDataPipeline.Surveys;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Sqlite;

/// <summary>Writes one survey return inside one transaction: its lines, then the fact cells derived from them.</summary>
internal sealed class SqliteSurveyBatchWriter : SqliteBatchScope, IBatchWriter<SurveyLine>
{
    private readonly SurveyReturnHeader _header;
    private readonly long _returnId;
    private readonly long _organisationId;
    private readonly long _serviceAreaId;
    private readonly Dictionary<string, long> _roles;
    private readonly Dictionary<string, long> _grades;
    private RawStatement? _insertWorkforce;

    public SqliteSurveyBatchWriter(SqliteConnection connection, long batchId, BatchStart start, SurveyReturnHeader header, int ruleCount, TimeProvider time, SqliteBusyRetry retry)
        : base(connection, batchId, start, ruleCount, time, retry)
    {
        _header = header;
        (_roles, _grades) = SqliteDimensions.RoleAndGradeKeys(connection, Transaction);
        _organisationId = SqliteDimensions.EnsureOrganisation(connection, header.Organisation, Transaction);
        _serviceAreaId = connection.ExecuteScalar<long>("SELECT service_area_id FROM dim_service_area WHERE service_area_code = @ServiceArea", header, Transaction);
        var dateKey = SqliteDimensions.EnsureDate(connection, header.PeriodEnd, Transaction);
        _returnId = connection.ExecuteScalar<long>(
            """
            INSERT INTO survey_return (batch_id, organisation_id, organisation_type_stated, return_period, period_date_key, service_area_id, template_version)
            VALUES (@batch, @org, @OrganisationTypeStated, @ReturnPeriod, @dateKey, @area, @TemplateVersion) RETURNING return_id
            """,
            new { batch = batchId, org = _organisationId, header.OrganisationTypeStated, header.ReturnPeriod, dateKey, area = _serviceAreaId, header.TemplateVersion },
            Transaction);
    }

    protected override void DisposeCommands() => _insertWorkforce?.Dispose();

    public ValueTask AddAsync(SurveyLine line, CancellationToken cancellationToken)
    {
        var tx = Transaction;
        switch (line)
        {
            case WorkforceLine w:
                // One statement a line, prepared once: a return may be a full-height sheet (a million lines).
                _insertWorkforce ??= new RawStatement(
                    Connection,
                    """
                    INSERT INTO survey_line (return_id, sheet_name, row_number, horizon_years, role_as_written, grade_as_written, role_id, grade_id, rule_id,
                        headcount, wte_in_post, establishment_wte, vacant_wte, agency_locum_wte, training_wte)
                    VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                    """);
                _insertWorkforce
                    .Bind(1, _returnId).Bind(2, w.SheetName).Bind(3, w.RowNumber).Bind(4, w.RoleAsWritten).BindText(5, w.GradeAsWritten)
                    .Bind(6, _roles[w.Role.RoleCode]).Bind(7, _grades[w.Grade.Code]).Bind(8, w.Role.RuleId)
                    .Bind(9, w.Headcount).Bind(10, w.WteInPost).Bind(11, w.EstablishmentWte).Bind(12, w.VacantWte).Bind(13, w.AgencyLocumWte).Bind(14, w.TrainingWte)
                    .Execute();
                break;
            case ProjectionLine p:
                Connection.Execute(
                    """
                    INSERT INTO survey_line (return_id, sheet_name, row_number, horizon_years, role_as_written, grade_as_written, role_id, grade_id, rule_id, projected_wte, driver)
                    VALUES (@ret, @SheetName, @RowNumber, @HorizonYears, @RoleAsWritten, @GradeAsWritten, @role, @grade, @rule, @wte, @Driver)
                    """,
                    new { ret = _returnId, p.SheetName, p.RowNumber, p.HorizonYears, p.RoleAsWritten, p.GradeAsWritten, role = _roles[p.Role.RoleCode], grade = _grades[p.Grade.Code], rule = p.Role.RuleId, wte = (double)p.ProjectedWte, p.Driver },
                    tx);
                break;
            case CommentLine c:
                Connection.Execute(
                    "INSERT INTO fact_survey_comment (return_id, question, answer, source_sheet, source_row) VALUES (@ret, @Question, @Answer, @SheetName, @RowNumber)",
                    new { ret = _returnId, c.Question, c.Answer, c.SheetName, c.RowNumber },
                    tx);
                break;
        }

        return ValueTask.CompletedTask;
    }

    public Task<IReadOnlyList<SupersededVolume>> PreviewSupersessionAsync(CancellationToken cancellationToken)
    {
        // Lines, not derived cells: what the organisation filled in, counted the same way on both sides.
        var tx = Transaction;
        var incoming = Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM survey_line WHERE return_id = @ret", new { ret = _returnId }, tx);
        var scope = SupersededVolume.ReturnScope(_header.Organisation.Code, _header.ReturnPeriod, _header.ServiceArea);
        var rows = Connection.Query<(long Batch, long Lines)>(
            """
            SELECT r.batch_id, (SELECT COUNT(*) FROM survey_line l WHERE l.return_id = r.return_id) FROM survey_return r
            WHERE r.organisation_id = @org AND r.organisation_type_stated = @OrganisationTypeStated AND r.return_period = @ReturnPeriod AND r.service_area_id = @area
              AND r.superseded_by_batch_id IS NULL AND r.return_id <> @ret
            """,
            new { org = _organisationId, _header.OrganisationTypeStated, _header.ReturnPeriod, area = _serviceAreaId, ret = _returnId },
            tx).Select(r => new SupersededVolume(scope, incoming, r.Batch, r.Lines)).ToList();
        return Task.FromResult<IReadOnlyList<SupersededVolume>>(rows);
    }

    public Task<CommitResult> CommitAsync(BatchSummary summary, CancellationToken cancellationToken)
    {
        var tx = Transaction;
        SurveyFacts.Rebuild(Connection, tx, _returnId, TaxonomyVersion);
        var earlier = Connection.Query<(long ReturnId, long Batch)>(
            "SELECT return_id, batch_id FROM survey_return WHERE organisation_id = @org AND organisation_type_stated = @OrganisationTypeStated AND return_period = @ReturnPeriod AND service_area_id = @area AND superseded_by_batch_id IS NULL AND return_id <> @ret",
            new { org = _organisationId, _header.OrganisationTypeStated, _header.ReturnPeriod, area = _serviceAreaId, ret = _returnId },
            tx).ToList();
        long superseded = 0;
        foreach (var (returnId, _) in earlier)
        {
            // The earlier return's figures stay in the warehouse for audit; the views read current returns only.
            superseded += Connection.ExecuteScalar<long>("SELECT (SELECT COUNT(*) FROM fact_survey_workforce WHERE return_id = @returnId) + (SELECT COUNT(*) FROM fact_workforce_projection WHERE return_id = @returnId)", new { returnId }, tx);
            Connection.Execute("UPDATE survey_return SET superseded_by_batch_id = @batch WHERE return_id = @returnId", new { batch = BatchId, returnId }, tx);
        }

        Connection.Execute(
            "INSERT INTO survey_warning (batch_id, sheet_name, row_number, rule_code, message) VALUES (@batch, @SheetName, @RowNumber, @RuleCode, @Message)",
            summary.Warnings.Select(w => new { batch = BatchId, w.SheetName, w.RowNumber, w.RuleCode, w.Message }),
            tx);
        return Task.FromResult(Commit(summary, superseded, earlier.Select(e => e.Batch).ToList()));
    }
}
