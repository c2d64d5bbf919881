using Microsoft.Data.Sqlite;
using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Sqlite;

/// <summary>
/// dim_position keys for one batch: found through the table's unique index, created with keys assigned in memory
/// (the batch holds the write lock), and kept in a bounded cache, so that memory does not grow with the number of
/// distinct posts in the warehouse or the file.
/// </summary>
internal sealed class SqlitePositions : IDisposable
{
    // Rows of one post sit close together in an export; a national file of distinct posts gains nothing from more,
    // and every entry held is managed heap (the benchmark's trust layout peaked 10 MB higher with 20,000 posts and 50,000 people).
    private const int CacheSize = 8_192;
    private readonly Dictionary<PostDescriptors, long> _known = [];
    private readonly RawStatement _upsert;
    private long _next;

    /// <summary>Runs inside the transaction the connection holds.</summary>
    public SqlitePositions(SqliteConnection connection)
    {
        using (var max = new RawStatement(connection, "SELECT COALESCE(MAX(position_id), 0) FROM dim_position"))
        {
            _next = max.ReadFirst(static row => row.Int64(0)) + 1;
        }

        // One statement for a post not in the cache, new or known: the unique index on the descriptors finds a known
        // post, whose role, rule and version become this load's decision, and RETURNING gives its key either way.
        _upsert = new RawStatement(
            connection,
            """
            INSERT INTO dim_position (position_title, staff_group, occupation_code, area_of_work, job_role, cost_centre, grade_as_written, position_id, role_id, rule_id, taxonomy_version)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            ON CONFLICT (position_title, staff_group, occupation_code, area_of_work, job_role, cost_centre, grade_as_written)
            DO UPDATE SET role_id = excluded.role_id, rule_id = excluded.rule_id, taxonomy_version = excluded.taxonomy_version
            RETURNING position_id
            """);
    }

    /// <summary>
    /// The post's key. The latest load's decision describes the post from now on (earlier facts keep their own role and
    /// version); the upsert records it when the post is first met in this batch, and within a batch a post's decision
    /// cannot change (the same descriptors map alike), so a cached post needs no update.
    /// </summary>
    public long IdOf(PostDescriptors post, long roleId, string ruleId, string version)
    {
        if (_known.TryGetValue(post, out var id))
        {
            return id;
        }

        id = Upsert(post, roleId, ruleId, version);
        if (_known.Count >= CacheSize)
        {
            _known.Clear();
        }

        _known[post] = id;
        return id;
    }

    public void Dispose()
    {
        _upsert.Dispose();
    }

    private static RawStatement Describe(RawStatement statement, PostDescriptors post) => statement
        .Bind(1, post.PositionTitle)
        .Bind(2, post.StaffGroup)
        .Bind(3, post.OccupationCode)
        .Bind(4, post.AreaOfWork)
        .Bind(5, post.JobRole)
        .Bind(6, post.CostCentre)
        .Bind(7, post.GradeAsWritten);

    private long Upsert(PostDescriptors post, long roleId, string ruleId, string version)
    {
        var id = Describe(_upsert, post).Bind(8, _next).Bind(9, roleId).Bind(10, ruleId).Bind(11, version).ReadFirst(static row => row.Int64(0));
        if (id == _next)
        {
            _next++;
        }

        return id;
    }
}
