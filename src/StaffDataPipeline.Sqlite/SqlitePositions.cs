using Microsoft.Data.Sqlite;
using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Sqlite;

/// <summary>
/// dim_position keys for one batch: found through the post's hash (ix_dim_position_post_hash, see PostHash and
/// sql/sqlite/0015), created with keys assigned in memory (the batch holds the write lock), and kept in a bounded cache,
/// so that memory does not grow with the number of distinct posts in the warehouse or the file.
/// </summary>
internal sealed class SqlitePositions : IDisposable
{
    // Rows of one post sit close together in an export; a national file of distinct posts gains nothing from more,
    // and every entry held is managed heap, seven strings a post: with 8,192 (and as many people) the benchmark's trust
    // layout peaked 2-4 MB higher in the same time (docs/benchmark.md, the memory goal).
    private const int CacheSize = 2_048;
    private readonly Dictionary<PostDescriptors, long> _known = [];
    private readonly RawStatement _find;
    private readonly RawStatement _insert;
    private readonly RawStatement _update;
    private long _next;

    /// <summary>Runs inside the transaction the connection holds.</summary>
    public SqlitePositions(SqliteConnection connection)
    {
        FillMissingHashes(connection);
        using (var max = new RawStatement(connection, "SELECT COALESCE(MAX(position_id), 0) FROM dim_position"))
        {
            _next = max.ReadFirst(static row => row.Int64(0)) + 1;
        }

        // The hash narrows the search to one index entry (rarely more); the descriptors decide. The seven-column unique
        // index this replaces cost every new post a random insert into an index of several hundred MB.
        _find = new RawStatement(
            connection,
            """
            SELECT position_id, role_id, rule_id, taxonomy_version FROM dim_position
            WHERE post_hash = ?1 AND position_title = ?2 AND staff_group = ?3 AND occupation_code = ?4 AND area_of_work = ?5
              AND job_role = ?6 AND cost_centre = ?7 AND grade_as_written = ?8
            """);
        _insert = new RawStatement(
            connection,
            """
            INSERT INTO dim_position (post_hash, position_title, staff_group, occupation_code, area_of_work, job_role, cost_centre, grade_as_written, position_id, role_id, rule_id, taxonomy_version)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            """);
        _update = new RawStatement(connection, "UPDATE dim_position SET role_id = ?2, rule_id = ?3, taxonomy_version = ?4 WHERE position_id = ?1");
    }

    /// <summary>
    /// The post's key. The latest load's decision describes the post from now on (earlier facts keep their own role and
    /// version): it is recorded when the post is first met in this batch, and within a batch a post's decision cannot
    /// change (the same descriptors map alike), so a cached post needs no update.
    /// </summary>
    public long IdOf(PostDescriptors post, long roleId, string ruleId, string version)
    {
        if (_known.TryGetValue(post, out var id))
        {
            return id;
        }

        id = FindOrAdd(post, roleId, ruleId, version);
        if (_known.Count >= CacheSize)
        {
            _known.Clear();
        }

        _known[post] = id;
        return id;
    }

    public void Dispose()
    {
        _find.Dispose();
        _insert.Dispose();
        _update.Dispose();
    }

    /// <summary>
    /// Posts written before migration 0015, or by anything but this class, have no hash yet: they get it here, at the
    /// start of a batch, so that the batch finds them. The index on post_hash holds them first, so this costs nothing
    /// when there are none.
    /// </summary>
    private static void FillMissingHashes(SqliteConnection connection)
    {
        var missing = new List<(long Id, long Hash)>();
        using (var select = new RawStatement(
            connection,
            "SELECT position_id, position_title, staff_group, occupation_code, area_of_work, job_role, cost_centre, grade_as_written FROM dim_position WHERE post_hash IS NULL"))
        {
            select.ReadAll(row => missing.Add((row.Int64(0), PostHash.Of(row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Text(5), row.Text(6), row.Text(7)))));
        }

        using var update = new RawStatement(connection, "UPDATE dim_position SET post_hash = ?2 WHERE position_id = ?1");
        foreach (var (id, hash) in missing)
        {
            update.Bind(1, id).Bind(2, hash).Execute();
        }
    }

    private static RawStatement Describe(RawStatement statement, PostDescriptors post, long hash) => statement
        .Bind(1, hash)
        .Bind(2, post.PositionTitle)
        .Bind(3, post.StaffGroup)
        .Bind(4, post.OccupationCode)
        .Bind(5, post.AreaOfWork)
        .Bind(6, post.JobRole)
        .Bind(7, post.CostCentre)
        .Bind(8, post.GradeAsWritten);

    private long FindOrAdd(PostDescriptors post, long roleId, string ruleId, string version)
    {
        var hash = PostHash.Of(post);
        var known = Describe(_find, post, hash).ReadFirst(static row => (Found: true, Id: row.Int64(0), Role: row.Int64(1), Rule: row.Text(2), Version: row.Text(3)));
        if (known.Found)
        {
            // As the upsert this replaces did, the known post takes this load's decision; unchanged, it is not rewritten.
            if (known.Role != roleId || known.Rule != ruleId || known.Version != version)
            {
                _update.Bind(1, known.Id).Bind(2, roleId).Bind(3, ruleId).Bind(4, version).Execute();
            }

            return known.Id;
        }

        var id = _next++;
        Describe(_insert, post, hash).Bind(9, id).Bind(10, roleId).Bind(11, ruleId).Bind(12, version).Execute();
        return id;
    }
}
