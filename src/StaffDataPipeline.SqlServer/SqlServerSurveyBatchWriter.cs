using Dapper;
using Microsoft.Data.SqlClient;
using Polly;
using StaffDataPipeline.Surveys;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.SqlServer;

/// <summary>
/// One survey return into SQL Server. A return is small (hundreds of lines), so its lines are held until commit and
/// written in one short transaction: return, lines (bulk), derived cells, supersede, warnings, audit.
/// </summary>
internal sealed class SqlServerSurveyBatchWriter : IBatchWriter<SurveyLine>
{
    private static readonly (string Name, Type Type, Func<(long ReturnId, SurveyLine Line, long Role, long Grade), object?> Get)[] Lines =
    [
        ("return_id", typeof(long), l => l.ReturnId),
        ("sheet_name", typeof(string), l => l.Line.SheetName),
        ("row_number", typeof(long), l => l.Line.RowNumber),
        ("horizon_years", typeof(byte), l => l.Line is ProjectionLine p ? (byte)p.HorizonYears : (byte)0),
        ("role_as_written", typeof(string), l => l.Line is WorkforceLine w ? w.RoleAsWritten : ((ProjectionLine)l.Line).RoleAsWritten),
        ("grade_as_written", typeof(string), l => l.Line is WorkforceLine w ? w.GradeAsWritten : ((ProjectionLine)l.Line).GradeAsWritten),
        ("role_id", typeof(int), l => (int)l.Role),
        ("grade_id", typeof(int), l => (int)l.Grade),
        ("rule_id", typeof(string), l => l.Line is WorkforceLine w ? w.Role.RuleId : ((ProjectionLine)l.Line).Role.RuleId),
        ("headcount", typeof(decimal), l => (l.Line as WorkforceLine)?.Headcount),
        ("wte_in_post", typeof(decimal), l => (l.Line as WorkforceLine)?.WteInPost),
        ("establishment_wte", typeof(decimal), l => (l.Line as WorkforceLine)?.EstablishmentWte),
        ("vacant_wte", typeof(decimal), l => (l.Line as WorkforceLine)?.VacantWte),
        ("agency_locum_wte", typeof(decimal), l => (l.Line as WorkforceLine)?.AgencyLocumWte),
        ("training_wte", typeof(decimal), l => (l.Line as WorkforceLine)?.TrainingWte),
        ("projected_wte", typeof(decimal), l => (l.Line as ProjectionLine)?.ProjectedWte),
        ("driver", typeof(string), l => (l.Line as ProjectionLine)?.Driver),
    ];

    private static readonly (string Name, Type Type, Func<(long ReturnId, CommentLine Line), object?> Get)[] Comments =
    [
        ("return_id", typeof(long), c => c.ReturnId),
        ("question", typeof(string), c => c.Line.Question),
        ("answer", typeof(string), c => c.Line.Answer),
        ("source_sheet", typeof(string), c => c.Line.SheetName),
        ("source_row", typeof(long), c => c.Line.RowNumber),
    ];

    private readonly SqlServerWarehouseOptions _options;
    private readonly BatchStart _start;
    private readonly SurveyReturnHeader _header;
    private readonly int _ruleCount;
    private readonly ResiliencePipeline _retry;
    private readonly List<SurveyLine> _lines = [];
    private bool _closed;

    public SqlServerSurveyBatchWriter(SqlServerWarehouseOptions options, long batchId, BatchStart start, SurveyReturnHeader header, int ruleCount, ResiliencePipeline retry)
    {
        _options = options;
        _start = start;
        _header = header;
        _ruleCount = ruleCount;
        _retry = retry;
        BatchId = batchId;
    }

    public long BatchId { get; }

    public ValueTask AddAsync(SurveyLine line, CancellationToken cancellationToken)
    {
        _lines.Add(line);
        return ValueTask.CompletedTask;
    }

    public async Task<IReadOnlyList<SupersededVolume>> PreviewSupersessionAsync(CancellationToken cancellationToken)
    {
        // The lines are still in memory: count them as they will be written (comments are not lines).
        var incoming = _lines.LongCount(l => l is not CommentLine);
        var scope = SupersededVolume.ReturnScope(_header.Organisation.Code, _header.ReturnPeriod, _header.ServiceArea);
        return await _retry.ExecuteAsync(
            async ct =>
            {
                await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
                var rows = await connection.QueryAsync<(long Batch, long Lines)>(new CommandDefinition(
                    SqlServerStatements.PreviewReturns,
                    new { _header.Organisation.Code, _header.OrganisationTypeStated, _header.ReturnPeriod, area = _header.ServiceArea },
                    commandTimeout: _options.CommandTimeoutSeconds,
                    cancellationToken: ct));
                return (IReadOnlyList<SupersededVolume>)rows.Select(r => new SupersededVolume(scope, incoming, r.Batch, r.Lines)).ToList();
            },
            cancellationToken);
    }

    public async Task<CommitResult> CommitAsync(BatchSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var result = await _retry.ExecuteAsync(
            async ct =>
            {
                await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
                await using var tx = (SqlTransaction)await connection.BeginTransactionAsync(ct);
                await SqlServerLocks.CommitAsync(connection, tx, _options, ct);
                if (await SqlServerRetriedCommit.SurveyAsync(connection, tx, BatchId, ct) is { } committed)
                {
                    return committed;
                }

                var org = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqlServerStatements.EnsureOrganisation, _header.Organisation, tx, cancellationToken: ct));
                var date = DateDimension.DateRow(_header.PeriodEnd);
                await connection.ExecuteAsync(new CommandDefinition(SqlServerStatements.EnsureDate, date, tx, cancellationToken: ct));
                var area = new { area = _header.ServiceArea };
                var returnId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    SqlServerStatements.InsertSurveyReturn,
                    new { batch = BatchId, org, _header.OrganisationTypeStated, _header.ReturnPeriod, dateKey = DateDimension.DateKey(_header.PeriodEnd), area.area, _header.TemplateVersion },
                    tx,
                    cancellationToken: ct));
                var keys = await connection.QueryMultipleAsync(new CommandDefinition(SqlServerStatements.RoleAndGradeKeys, transaction: tx, cancellationToken: ct));
                var roles = (await keys.ReadAsync<(string, long)>()).ToDictionary(r => r.Item1, r => r.Item2);
                var grades = (await keys.ReadAsync<(string, long)>()).ToDictionary(r => r.Item1, r => r.Item2);
                await using (var lines = new RecordReader<(long, SurveyLine, long, long)>(
                    _lines.Where(l => l is not CommentLine).Select(l => (returnId, l, roles[RoleOf(l).RoleCode], grades[GradeOf(l).Code])), Lines))
                {
                    await SqlServerBulk.CopyAsync(connection, tx, "staffdata.survey_line", lines, _options.BulkCopyBatchSize, ct);
                }

                await using (var comments = new RecordReader<(long, CommentLine)>(_lines.OfType<CommentLine>().Select(c => (returnId, c)), Comments))
                {
                    await SqlServerBulk.CopyAsync(connection, tx, "staffdata.fact_survey_comment", comments, _options.BulkCopyBatchSize, ct);
                }

                await connection.ExecuteAsync(new CommandDefinition(SqlServerStatements.RebuildSurveyFacts, new { returnId = (long?)returnId, taxonomyVersion = _start.TaxonomyVersion }, tx, _options.CommandTimeoutSeconds, cancellationToken: ct));
                var earlier = (await connection.QueryAsync<(long Batch, long Facts)>(new CommandDefinition(
                    SqlServerStatements.SupersedeReturns,
                    new { org, _header.OrganisationTypeStated, _header.ReturnPeriod, area.area, ret = returnId, batch = BatchId },
                    tx,
                    cancellationToken: ct))).ToList();
                await connection.ExecuteAsync(new CommandDefinition(
                    SqlServerStatements.InsertWarning, summary.Warnings.Select(w => new { batch = BatchId, w.SheetName, w.RowNumber, w.RuleCode, w.Message }), tx, cancellationToken: ct));
                var superseded = earlier.Sum(e => e.Facts);
                await SqlServerAudit.CloseAsync(connection, tx, BatchId, summary, BatchStatus.Loaded, superseded, _start.TaxonomyVersion, _ruleCount, _options, ct);
                await tx.CommitAsync(ct);
                return new CommitResult(BatchId, superseded, earlier.Select(e => e.Batch).Order().ToList());
            },
            cancellationToken);
        _closed = true;
        return result;
    }

    public async Task AbandonAsync(BatchSummary summary, CancellationToken cancellationToken)
    {
        await _retry.ExecuteAsync(
            async ct =>
            {
                await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
                await using var tx = (SqlTransaction)await connection.BeginTransactionAsync(ct);
                if (await SqlServerRetriedCommit.IsClosedAsync(connection, tx, BatchId, ct))
                {
                    // A retry whose first try did close the batch: its quarantine rows are written already.
                    return;
                }

                await SqlServerAudit.AbandonAsync(connection, tx, BatchId, summary, _options, ct);
                await tx.CommitAsync(ct);
            },
            cancellationToken);
        _closed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            try
            {
                await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, CancellationToken.None);
                await connection.ExecuteAsync(SqlServerStatements.FailBatches, new { id = BatchId, RunningBatch.ReasonCode, RunningBatch.Message });
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Whatever the fault (an outage, a pool timeout): the next start-up fails the batch, its owner being gone.
            }
        }
    }

    private static Taxonomy.RoleDecision RoleOf(SurveyLine line) => line is WorkforceLine w ? w.Role : ((ProjectionLine)line).Role;

    private static Grades.Grade GradeOf(SurveyLine line) => line is WorkforceLine w ? w.Grade : ((ProjectionLine)line).Grade;
}
