using Dapper;
using Microsoft.Data.SqlClient;
using Polly;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.SqlServer;

/// <summary>Review queue, unknown organisations and remap on SQL Server. A remap's decisions are bulk-copied and applied set-based.</summary>
public sealed class SqlServerWarehouseReview : IWarehouseReview
{
    private readonly SqlServerWarehouseOptions _options;
    private readonly ResiliencePipeline _retry;

    public SqlServerWarehouseReview(SqlServerWarehouseOptions options, TimeProvider? time = null)
    {
        _options = options;
        _retry = SqlServerConnections.Retry(options, time ?? TimeProvider.System);
    }

    public Task<IReadOnlyList<UnmappedTitle>> UnmappedAsync(CancellationToken cancellationToken) => _retry.ExecuteAsync(
        async ct =>
        {
            await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
            var rows = await connection.QueryAsync<UnmappedTitleRow>(new CommandDefinition(SqlServerStatements.Unmapped, cancellationToken: ct));
            return (IReadOnlyList<UnmappedTitle>)rows.Select(r => r.ToTitle()).ToList();
        },
        cancellationToken).AsTask();

    public Task<IReadOnlyList<UnknownOrganisation>> UnknownOrganisationsAsync(CancellationToken cancellationToken) => _retry.ExecuteAsync(
        async ct =>
        {
            await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
            return (IReadOnlyList<UnknownOrganisation>)(await connection.QueryAsync<UnknownOrganisation>(new CommandDefinition(SqlServerStatements.UnknownOrganisations, cancellationToken: ct))).ToList();
        },
        cancellationToken).AsTask();

    public Task<Organisations.OdsImportResult> ImportOdsAsync(IReadOnlyList<Organisations.OdsOrganisation> release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        return _retry.ExecuteAsync(
            async ct =>
            {
                await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
                await using var tx = (SqlTransaction)await connection.BeginTransactionAsync(ct);
                await SqlServerLocks.CommitAsync(connection, tx, _options, ct);
                var stored = (await connection.QueryAsync<SqlServerOdsRow>(new CommandDefinition(SqlServerStatements.OdsOrganisations, transaction: tx, cancellationToken: ct)))
                    .ToDictionary(r => r.Code, r => r.ToOrganisation(), StringComparer.Ordinal);
                var plan = Organisations.OdsImportPlan.Of(stored, release);
                await connection.ExecuteAsync(new CommandDefinition(SqlServerStatements.CreateOdsTable, transaction: tx, cancellationToken: ct));
                await using (var rows = new RecordReader<Organisations.OdsOrganisation>(plan.Writes, SqlServerBulk.OdsOrganisations))
                {
                    await SqlServerBulk.CopyAsync(connection, tx, "#ods", rows, _options.BulkCopyBatchSize, ct);
                }

                await connection.ExecuteAsync(new CommandDefinition(SqlServerStatements.ApplyOds, transaction: tx, commandTimeout: _options.CommandTimeoutSeconds, cancellationToken: ct));
                await tx.CommitAsync(ct);
                return plan.Result;
            },
            cancellationToken).AsTask();
    }

    public Task<StoredRoles> ReadStoredRolesAsync(CancellationToken cancellationToken) => _retry.ExecuteAsync(
        async ct =>
        {
            await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
            var posts = (await connection.QueryAsync<StoredPostRow>(new CommandDefinition(SqlServerStatements.StoredPosts, cancellationToken: ct)))
                .Select(p => p.ToStoredPost())
                .ToList();
            var survey = (await connection.QueryAsync<StoredSurveyRole>(new CommandDefinition(SqlServerStatements.StoredSurveyRoles, cancellationToken: ct))).ToList();
            return new StoredRoles(posts, survey);
        },
        cancellationToken).AsTask();

    public Task<AppliedRoleChanges> ApplyRoleChangesAsync(RoleChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return _retry.ExecuteAsync(
            async ct =>
            {
                await using var connection = await SqlServerConnections.OpenAsync(_options.ConnectionString, ct);
                await using var tx = (SqlTransaction)await connection.BeginTransactionAsync(ct);
                await SqlServerLocks.CommitAsync(connection, tx, _options, ct);
                await connection.ExecuteAsync(new CommandDefinition(SqlServerStatements.CreateRemapTables, transaction: tx, cancellationToken: ct));
                await using (var posts = new RecordReader<PostRoleDecision>(changes.Posts, SqlServerBulk.PostDecisions))
                {
                    await SqlServerBulk.CopyAsync(connection, tx, "#post_decision", posts, _options.BulkCopyBatchSize, ct);
                }

                await using (var survey = new RecordReader<SurveyRoleDecision>(changes.SurveyRoles, SqlServerBulk.SurveyDecisions))
                {
                    await SqlServerBulk.CopyAsync(connection, tx, "#survey_decision", survey, _options.BulkCopyBatchSize, ct);
                }

                var touched = (await connection.QueryAsync<(long, int)>(new CommandDefinition(SqlServerStatements.RemapPairs, transaction: tx, commandTimeout: _options.CommandTimeoutSeconds, cancellationToken: ct))).ToList();
                var applied = await connection.QuerySingleAsync<AppliedRoleChanges>(new CommandDefinition(
                    SqlServerStatements.ApplyRemap, new { version = changes.TaxonomyVersion }, tx, _options.CommandTimeoutSeconds, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    SqlServerStatements.RebuildSurveyFacts, new { returnId = (long?)null, taxonomyVersion = changes.TaxonomyVersion }, tx, _options.CommandTimeoutSeconds, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    SqlServerStatements.RecordTaxonomyVersion, new { version = changes.TaxonomyVersion, now = changes.DecidedAt, rules = changes.RuleCount }, tx, cancellationToken: ct));

                // Roles, grades and service areas of ESR facts feed the person-months, flows and summary.
                await SqlServerDerivedTables.RefreshAsync(connection, tx, touched, _options.CommandTimeoutSeconds, ct);
                await tx.CommitAsync(ct);
                return applied;
            },
            cancellationToken).AsTask();
    }


}
