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
internal sealed class SqliteBatchWriter : SqliteBatchScope, IBatchWriter
{
    private const int UnspecifiedServiceArea = 4;

    // Bounds memory whatever the file size; a person's assignments sit close together in an export.
    private const int PersonCacheSize = 50_000;
    private static readonly string[] FactParameters = ["$b", "$d", "$o", "$r", "$g", "$p", "$s", "$pos", "$a", "$fte", "$h", "$pri", "$age", "$rule", "$v", "$row"];
    private readonly Dictionary<string, long> _roles;
    private readonly Dictionary<string, long> _grades;
    private readonly Dictionary<string, long> _organisations;
    private readonly Dictionary<string, long> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<PostDescriptors, (long Id, long RoleId, string Rule, string Version)> _positions;
    private readonly HashSet<int> _dates;
    private readonly HashSet<(long Organisation, int Date)> _pairs = [];
    private readonly SqliteCommand _insertFact;
    private readonly SqliteParameter[] _f;
    private readonly SqliteCommand _upsertPerson;
    private readonly SqliteParameter _personKey;
    private long _nextPosition;

    public SqliteBatchWriter(SqliteConnection connection, long batchId, BatchStart start, int ruleCount, TimeProvider time, SqliteBusyRetry retry)
        : base(connection, batchId, start, ruleCount, time, retry)
    {
        (_roles, _grades) = SqliteDimensions.RoleAndGradeKeys(connection, Transaction);
        _organisations = connection.Query<(string, long)>("SELECT organisation_code, organisation_id FROM dim_organisation", transaction: Transaction).ToDictionary(r => r.Item1, r => r.Item2, StringComparer.OrdinalIgnoreCase);
        _dates = connection.Query<int>("SELECT date_key FROM dim_date", transaction: Transaction).ToHashSet();

        // Posts are few (distinct titles in context), so they are held whole; people are looked up through a bounded cache.
        _positions = connection.Query<PositionRow>(
            "SELECT position_id AS Id, position_title AS PositionTitle, staff_group AS StaffGroup, occupation_code AS OccupationCode, area_of_work AS AreaOfWork, job_role AS JobRole, cost_centre AS CostCentre, grade_as_written AS GradeAsWritten, role_id AS RoleId, rule_id AS RuleId, taxonomy_version AS Version FROM dim_position",
            transaction: Transaction)
            .ToDictionary(r => new PostDescriptors(r.PositionTitle, r.StaffGroup, r.OccupationCode, r.AreaOfWork, r.JobRole, r.CostCentre, r.GradeAsWritten), r => (r.Id, r.RoleId, r.RuleId, r.Version));
        _nextPosition = connection.ExecuteScalar<long>("SELECT COALESCE(MAX(position_id), 0) FROM dim_position", transaction: Transaction) + 1;

        _insertFact = connection.CreateCommand();
        _insertFact.Transaction = Transaction;
        _insertFact.CommandText =
            """
            INSERT INTO fact_staff_in_post (batch_id, snapshot_date_key, organisation_id, role_id, grade_id, person_id, service_area_id,
                position_id, assignment_key, fte, contracted_hours, is_primary, age_band, rule_id, taxonomy_version, source_row)
            VALUES ($b, $d, $o, $r, $g, $p, $s, $pos, $a, $fte, $h, $pri, $age, $rule, $v, $row)
            """;
        _f = FactParameters.Select(n => _insertFact.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        _insertFact.Prepare();

        // One round trip per person, new or known: the no-op update makes RETURNING answer for existing rows too.
        _upsertPerson = connection.CreateCommand();
        _upsertPerson.Transaction = Transaction;
        _upsertPerson.CommandText = "INSERT INTO dim_person (person_key) VALUES ($k) ON CONFLICT (person_key) DO UPDATE SET person_key = excluded.person_key RETURNING person_id";
        _personKey = _upsertPerson.Parameters.Add(new SqliteParameter("$k", string.Empty));
        _upsertPerson.Prepare();
        _f[0].Value = batchId;
        _f[6].Value = UnspecifiedServiceArea;
        _f[14].Value = start.TaxonomyVersion;
    }

    public ValueTask AddAsync(StaffFact fact, CancellationToken cancellationToken)
    {
        var date = DateKey(fact.SnapshotDate);
        var organisation = OrganisationId(fact.Organisation);
        _pairs.Add((organisation, date));
        _f[1].Value = date;
        _f[2].Value = organisation;
        _f[3].Value = _roles[fact.Role.RoleCode];
        _f[4].Value = _grades[fact.Grade.Code];
        _f[5].Value = PersonId(fact.PersonKey);
        _f[7].Value = PositionId(fact);
        _f[8].Value = fact.AssignmentKey;
        _f[9].Value = (double)fact.Fte;
        _f[10].Value = fact.ContractedHours is { } hours ? (double)hours : DBNull.Value;
        _f[11].Value = fact.IsPrimary is { } p ? (p ? 1 : 0) : DBNull.Value;
        _f[12].Value = fact.AgeBand;
        _f[13].Value = fact.Role.RuleId;
        _f[15].Value = fact.SourceRow;
        _insertFact.ExecuteNonQuery();
        return ValueTask.CompletedTask;
    }

    public Task<IReadOnlyList<long>> RemoveDuplicateAssignmentsAsync(CancellationToken cancellationToken)
    {
        // The index on (batch, month, organisation, assignment) makes this one ordered scan of the batch, whatever its size.
        const string Later = """
            SELECT fact_id FROM fact_staff_in_post WHERE batch_id = @batch
            EXCEPT
            SELECT MIN(fact_id) FROM fact_staff_in_post WHERE batch_id = @batch GROUP BY snapshot_date_key, organisation_id, assignment_key
            """;
        var rows = Connection.Query<long>($"SELECT source_row FROM fact_staff_in_post WHERE fact_id IN ({Later}) ORDER BY source_row", new { batch = BatchId }, Transaction).ToList();
        if (rows.Count > 0)
        {
            Connection.Execute($"DELETE FROM fact_staff_in_post WHERE fact_id IN ({Later})", new { batch = BatchId }, Transaction);
        }

        return Task.FromResult<IReadOnlyList<long>>(rows);
    }

    public Task<CommitResult> CommitAsync(BatchSummary summary, CancellationToken cancellationToken)
    {
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

            Connection.Execute(
                "DELETE FROM fact_staff_in_post WHERE organisation_id = @organisation AND snapshot_date_key = @date AND batch_id <> @batch",
                new { organisation, date, batch = BatchId },
                tx);
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

        return Task.FromResult(Commit(summary, supersededFacts, supersededBatches.ToList()));
    }

    protected override void DisposeCommands()
    {
        _insertFact.Dispose();
        _upsertPerson.Dispose();
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

    private long PersonId(string personKey)
    {
        if (_people.TryGetValue(personKey, out var id))
        {
            return id;
        }

        if (_people.Count >= PersonCacheSize)
        {
            _people.Clear();
        }

        _personKey.Value = personKey;
        id = (long)_upsertPerson.ExecuteScalar()!;
        _people[personKey] = id;
        return id;
    }

    private long PositionId(StaffFact fact)
    {
        var roleId = _roles[fact.Role.RoleCode];
        var version = TaxonomyVersion;
        if (_positions.TryGetValue(fact.Post, out var known))
        {
            if (known.RoleId != roleId || known.Rule != fact.Role.RuleId || known.Version != version)
            {
                // The latest load's decision describes the post from now on; earlier facts keep their own role and version.
                Connection.Execute(
                    "UPDATE dim_position SET role_id = @roleId, rule_id = @rule, taxonomy_version = @version WHERE position_id = @id",
                    new { roleId, rule = fact.Role.RuleId, version, id = known.Id },
                    Transaction);
                _positions[fact.Post] = (known.Id, roleId, fact.Role.RuleId, version);
            }

            return known.Id;
        }

        var p = fact.Post;
        var id = _nextPosition++;
        Connection.Execute(
            """
            INSERT INTO dim_position (position_id, position_title, staff_group, occupation_code, area_of_work, job_role, cost_centre, grade_as_written, role_id, rule_id, taxonomy_version)
            VALUES (@id, @PositionTitle, @StaffGroup, @OccupationCode, @AreaOfWork, @JobRole, @CostCentre, @GradeAsWritten, @roleId, @rule, @version)
            """,
            new { id, p.PositionTitle, p.StaffGroup, p.OccupationCode, p.AreaOfWork, p.JobRole, p.CostCentre, p.GradeAsWritten, roleId, rule = fact.Role.RuleId, version },
            Transaction);
        _positions[fact.Post] = (id, roleId, fact.Role.RuleId, version);
        return id;
    }

    private sealed record PositionRow(long Id, string PositionTitle, string StaffGroup, string OccupationCode, string AreaOfWork, string JobRole, string CostCentre, string GradeAsWritten, long RoleId, string RuleId, string Version);
}
