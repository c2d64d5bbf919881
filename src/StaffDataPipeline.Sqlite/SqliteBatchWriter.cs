using Dapper;
using Microsoft.Data.Sqlite;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Sqlite;

/// <summary>
/// Writes one file's facts inside one IMMEDIATE transaction. Surrogate keys for new people, posts and organisations
/// are assigned in memory (the transaction holds the write lock, so nobody else can take them), which spares a
/// database round trip per new key.
/// </summary>
internal sealed class SqliteBatchWriter : SqliteBatchScope, IStaffInPostBatchWriter
{
    private readonly Dictionary<string, long> _roles;
    private readonly Dictionary<string, long> _grades;
    private readonly Dictionary<string, long> _organisations;
    private readonly Dictionary<string, long> _serviceAreas;
    private readonly SqlitePeople _people;
    private readonly SqlitePositions _positions;
    private readonly HashSet<int> _dates;
    private readonly HashSet<(long Organisation, int Date)> _pairs = [];
    private readonly RawStatement _insertFact;
    private readonly BackgroundWriter<StaffFact> _writer;

    // People and posts go into indexes keyed on hashes, in no order: once a batch has stored this many rows, a larger
    // page cache spares re-reading their pages. A national extract stores a few per cent of its rows and never needs it.
    // 4 MB, not 8: with every row of 1.5 million stored, the load took as long and peaked 5 MB lower (docs/benchmark.md).
    private const int StoredBeforeLargeCache = 50_000;
    private const int SmallCacheKb = 2_048;
    internal const int LargeCacheKb = 4_096;

    // What follows the rows (the duplicate check, then the derived tables' person-months and summary) reads the batch's
    // facts an organisation and month at a time. A file grouped by organisation stored them in that order; in a file
    // that is not (a national extract sorted by name or by post), each organisation's facts are spread over the whole
    // batch, and with the small cache nearly every fact read was a page read: about 340,000 for 48,654 stored rows of a
    // shuffled national file, on the one core the end of a load has. Such a batch (its organisation changed from one
    // fact to the next more than once in eight) gets a cache sized to its facts and their indexes (about 200 bytes a
    // fact: 120 in the table, the rest in its three indexes and the person-months), at most 16 MB. A grouped batch keeps
    // the small cache: it reads in order, and SQLite sizes its sorts by the cache (every row of 1.5 million stored peaked
    // 3-5 MB higher with 16 MB). Only in a batch job, which gives the rows' heap back first (DrainWrites): the service
    // keeps the small cache, as its heap is not collected here.
    private const int EndBytesPerFact = 200;
    private const int EndCacheMaxKb = 16_384;
    private long _stored;
    private long _organisationRuns;
    private long _lastOrganisation = -1;
    private bool _endSized;

    public SqliteBatchWriter(SqliteConnection connection, long batchId, BatchStart start, int ruleCount, TimeProvider time, SqliteBusyRetry retry)
        : base(connection, batchId, start, ruleCount, time, retry)
    {
        (_roles, _grades) = SqliteDimensions.RoleAndGradeKeys(connection, Transaction);
        _organisations = connection.Query<(string, long)>("SELECT organisation_code, organisation_id FROM dim_organisation", transaction: Transaction).ToDictionary(r => r.Item1, r => r.Item2, StringComparer.OrdinalIgnoreCase);
        _dates = connection.Query<int>("SELECT date_key FROM dim_date", transaction: Transaction).ToHashSet();
        _serviceAreas = connection.Query<(string, long)>("SELECT service_area_code, service_area_id FROM dim_service_area", transaction: Transaction).ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);

        // SQLite's default page cache (2 MB) until the batch has stored many rows; see Write.
        SetCache(SmallCacheKb);
        _people = new SqlitePeople(connection);
        _positions = new SqlitePositions(connection);

        _insertFact = new RawStatement(
            connection,
            """
            INSERT INTO fact_staff_in_post (batch_id, service_area_id, taxonomy_version, snapshot_date_key, organisation_id, role_id, grade_id, person_id,
                position_id, assignment_key, fte, contracted_hours, is_primary, age_band, rule_id, source_row, service_area_rule)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
            """);

        // Bindings outlive each execution, so what is the same for every row is bound once.
        _insertFact.Bind(1, batchId).Bind(3, start.TaxonomyVersion);
        _writer = new BackgroundWriter<StaffFact>(Write);
    }

    public ValueTask AddAsync(StaffFact fact, CancellationToken cancellationToken)
    {
        _writer.Add(fact);
        return ValueTask.CompletedTask;
    }

    /// <summary>On the writer's thread (BackgroundWriter), in the order the rows were added.</summary>
    private void Write(StaffFact fact)
    {
        if (++_stored == StoredBeforeLargeCache)
        {
            SetCache(LargeCacheKb);
        }

        var date = DateKey(fact.SnapshotDate);
        var organisation = OrganisationId(fact.Organisation);
        if (organisation != _lastOrganisation)
        {
            _organisationRuns++;
            _lastOrganisation = organisation;
        }

        _pairs.Add((organisation, date));
        var role = _roles[fact.Role.RoleCode];
        _insertFact
            .Bind(2, _serviceAreas[fact.ServiceArea.ServiceAreaCode])
            .Bind(4, date)
            .Bind(5, organisation)
            .Bind(6, role)
            .Bind(7, _grades[fact.Grade.Code])
            .Bind(8, _people.IdOf(fact.PersonKey))
            .Bind(9, _positions.IdOf(fact.Post, role, fact.Role.RuleId, TaxonomyVersion))
            .Bind(10, fact.AssignmentKey)
            .Bind(11, (double)fact.Fte)
            .Bind(12, fact.ContractedHours)
            .Bind(13, fact.IsPrimary)
            .Bind(14, fact.AgeBand)
            .Bind(15, fact.Role.RuleId)
            .Bind(16, fact.SourceRow)
            .Bind(17, fact.ServiceArea.RuleId)
            .Execute();
    }

    // One thread writes: every row of a national file stored, about 34,000 rows a second over the whole load; one mapping
    // thread offers about twice that where a quarter of the rows are stored (docs/benchmark.md, "As many mapping threads
    // as the writer can use").
    public bool SlowerThanOneMappingThread => true;

    public Task<IReadOnlyList<long>> RemoveDuplicateAssignmentsAsync(CancellationToken cancellationToken)
    {
        DrainWrites();

        // Every fact after the first of its assignment in a month and organisation. ix_fact_staff_in_post_batch_month_org
        // (sql/sqlite/0016) gives the batch a month and organisation at a time, and each is sorted by assignment on its
        // own: one pass, in memory SQLite bounds, whatever the file's size.
        const string Later = """
            SELECT fact_id, source_row FROM (
                SELECT fact_id, source_row,
                       ROW_NUMBER() OVER (PARTITION BY snapshot_date_key, organisation_id, assignment_key ORDER BY fact_id) AS occurrence
                FROM fact_staff_in_post WHERE batch_id = @batch)
            WHERE occurrence > 1
            """;
        var later = Connection.Query<(long FactId, long SourceRow)>(Later, new { batch = BatchId }, Transaction).ToList();
        if (later.Count > 0)
        {
            Connection.Execute("DELETE FROM fact_staff_in_post WHERE fact_id = @FactId", later.Select(l => new { l.FactId }), Transaction);
        }

        return Task.FromResult<IReadOnlyList<long>>([.. later.Select(l => l.SourceRow).Order()]);
    }

    // The months either side of this batch's, per organisation, loaded under the other kind of identifier.
    private const string IdentifierChangedSql = """
        WITH mine AS (
            SELECT DISTINCT organisation_id, snapshot_date_key FROM fact_staff_in_post WHERE batch_id = @batch),
        neighbours AS (
            SELECT m.organisation_id,
                   (SELECT MAX(p.snapshot_date_key) FROM fact_staff_in_post p WHERE p.organisation_id = m.organisation_id AND p.snapshot_date_key < m.snapshot_date_key) AS previous_key,
                   (SELECT MIN(n.snapshot_date_key) FROM fact_staff_in_post n WHERE n.organisation_id = m.organisation_id AND n.snapshot_date_key > m.snapshot_date_key) AS next_key
            FROM mine m)
        SELECT DISTINCT o.organisation_code
        FROM neighbours nb
        JOIN fact_staff_in_post f ON f.organisation_id = nb.organisation_id AND f.snapshot_date_key IN (nb.previous_key, nb.next_key)
        JOIN load_batch b ON b.batch_id = f.batch_id
        JOIN dim_organisation o ON o.organisation_id = nb.organisation_id
        WHERE b.person_identifier IS NOT NULL AND b.person_identifier <> @kind
        ORDER BY o.organisation_code
        """;

    // Per organisation and month of this batch: its facts there, and each earlier batch's facts it would delete.
    private const string PreviewSql = """
        WITH mine AS (
            SELECT organisation_id, snapshot_date_key, COUNT(*) AS n FROM fact_staff_in_post WHERE batch_id = @batch GROUP BY organisation_id, snapshot_date_key)
        SELECT o.organisation_code, m.snapshot_date_key, m.n, f.batch_id, COUNT(*)
        FROM mine m
        JOIN fact_staff_in_post f ON f.organisation_id = m.organisation_id AND f.snapshot_date_key = m.snapshot_date_key AND f.batch_id <> @batch
        JOIN dim_organisation o ON o.organisation_id = m.organisation_id
        GROUP BY o.organisation_code, m.snapshot_date_key, m.n, f.batch_id
        """;

    public Task<IReadOnlyList<SupersededVolume>> PreviewSupersessionAsync(CancellationToken cancellationToken)
    {
        DrainWrites();
        var rows = Connection.Query<(string Organisation, long DateKey, long Incoming, long Batch, long Facts)>(PreviewSql, new { batch = BatchId }, Transaction)
            .Select(r => new SupersededVolume(SupersededVolume.MonthScope(r.Organisation, r.DateKey), r.Incoming, r.Batch, r.Facts))
            .ToList();
        return Task.FromResult<IReadOnlyList<SupersededVolume>>(rows);
    }

    public Task<CommitResult> CommitAsync(BatchSummary summary, CancellationToken cancellationToken)
    {
        DrainWrites();
        var tx = Transaction;
        long supersededFacts = 0;
        var supersededBatches = new SortedSet<long>();
        foreach (var (organisation, date) in _pairs)
        {
            var earlier = Connection.Query<(long Batch, long Facts)>(
                "SELECT batch_id, COUNT(*) FROM fact_staff_in_post WHERE organisation_id = @organisation AND snapshot_date_key = @date AND batch_id <> @batch GROUP BY batch_id",
                new { organisation, date, batch = BatchId },
                tx).ToList();
            if (earlier.Count == 0)
            {
                continue;
            }

            // Kept, not deleted: withdrawing this batch makes them current again.
            RetiredFacts.SupersedeMonth(Connection, tx, organisation, date, keep: BatchId);
            Connection.Execute(
                """
                INSERT INTO batch_supersession (batch_id, superseded_batch_id, organisation_code, snapshot_date, facts_removed)
                SELECT @batch, @superseded, organisation_code, (SELECT calendar_date FROM dim_date WHERE date_key = @date), @facts
                FROM dim_organisation WHERE organisation_id = @organisation
                """,
                earlier.Select(e => new { batch = BatchId, superseded = e.Batch, date, facts = e.Facts, organisation }),
                tx);
            supersededFacts += earlier.Sum(e => e.Facts);
            supersededBatches.UnionWith(earlier.Select(e => e.Batch));
        }

        SqliteDerivedTables.Refresh(Connection, tx, _pairs);

        var changed = PersonIdentifier is { } kind
            ? Connection.Query<string>(IdentifierChangedSql, new { batch = BatchId, kind }, tx).ToList()
            : [];
        return Task.FromResult(Commit(summary, supersededFacts, supersededBatches.ToList()) with { IdentifierChangedOrganisations = changed });
    }

    /// <summary>
    /// Waits for the rows still queued, gives back the heap they needed, and sizes the page cache for what follows
    /// (<see cref="EndCacheKb"/>).
    /// </summary>
    private void DrainWrites()
    {
        _writer.Drain();
        var batchJob = System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Batch;
        var endCacheKb = batchJob ? EndCacheKb(_stored, _organisationRuns) : SmallCacheKb;
        if (!_endSized && (_stored >= StoredBeforeLargeCache || endCacheKb > SmallCacheKb))
        {
            _endSized = true;
            SetCache(endCacheKb);

            // What follows (the duplicate check, supersession, the derived tables, the commit) is SQLite's work, tens of
            // seconds of it when every row is stored, while the runtime would keep the heap the rows passed through
            // committed. A process that runs as a batch job (the command line: Hosting/BatchGarbageCollector) gives it
            // back now, in one collection of a few tens of milliseconds: a load storing 1.5 million rows then ran its
            // set-based work at 117-126 MB instead of about 150 MB (docs/benchmark.md, the memory goal), and a larger
            // end cache takes memory the rows no longer hold. The service, whose pages answer people while it loads,
            // leaves its collector alone.
            if (batchJob)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
        }
    }

    /// <summary>
    /// The page cache for what follows the rows in a batch job: the small one for facts stored in runs of one
    /// organisation (<paramref name="organisationRuns"/> at most an eighth of them), else sized to the facts, from the
    /// small cache up to 16 MB.
    /// </summary>
    internal static int EndCacheKb(long stored, long organisationRuns) =>
        organisationRuns * 8 <= stored ? SmallCacheKb : (int)Math.Clamp(stored * EndBytesPerFact / 1024, SmallCacheKb, EndCacheMaxKb);

    private void SetCache(int kilobytes) => Connection.Execute($"PRAGMA cache_size = -{kilobytes}", transaction: Transaction);

    protected override void StopWrites() => _writer.Dispose();

    protected override void DisposeCommands()
    {
        _insertFact.Dispose();
        _people.Dispose();
        _positions.Dispose();
    }

    private int DateKey(DateOnly date)
    {
        var key = DateDimension.DateKey(date);
        if (_dates.Add(key))
        {
            SqliteDimensions.EnsureDate(Connection, date, Transaction);
        }

        return key;
    }

    private long OrganisationId(Organisations.Organisation organisation)
    {
        if (!_organisations.TryGetValue(organisation.Code, out var id))
        {
            id = SqliteDimensions.EnsureOrganisation(Connection, organisation, Transaction);
            _organisations[organisation.Code] = id;
        }

        return id;
    }
}
