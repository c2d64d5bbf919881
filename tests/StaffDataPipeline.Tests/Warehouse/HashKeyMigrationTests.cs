using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Warehouse;

/// <summary>
/// Migration 0015 replaces dim_position's seven-column unique index with a post hash and dim_person's unique key with an
/// index on its prefix (issue 25). A warehouse loaded before it keeps every person and post under its key, and the
/// next load finds them: the warehouse ends as one loaded by this version throughout.
/// </summary>
public sealed class HashKeyMigrationTests : IDisposable
{
    private const string People = "SELECT person_id, person_key FROM dim_person ORDER BY person_id";
    private const string Posts = """
        SELECT position_id, position_title, staff_group, occupation_code, area_of_work, job_role, cost_centre, grade_as_written, role_id, rule_id, taxonomy_version
        FROM dim_position ORDER BY position_id
        """;
    private const string Facts = """
        SELECT fact_id, batch_id, snapshot_date_key, organisation_id, role_id, grade_id, person_id, service_area_id, position_id, assignment_key, fte,
               contracted_hours, is_primary, age_band, rule_id, taxonomy_version, source_row, service_area_rule
        FROM fact_staff_in_post ORDER BY fact_id
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_warehouse_from_before_the_hash_keys_keeps_every_key_and_the_next_load_finds_its_people_and_posts()
    {
        var september = Directory.GetFiles(Repository.Samples("esr"), "*.csv").Where(f => Path.GetFileName(f).Contains("09", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var october = Directory.GetFiles(Repository.Samples("esr"), "*.csv").Where(f => !Path.GetFileName(f).Contains("09", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(september);
        Assert.NotEmpty(october);

        var throughout = _dir.File("throughout.db");
        await LoadAsync(throughout, september);
        await LoadAsync(throughout, october);

        var upgraded = _dir.File("upgraded.db");
        await LoadAsync(upgraded, september);
        var before = Read(upgraded);
        Downgrade(upgraded);
        Assert.Equal(before, Read(upgraded));
        await new SqliteWarehouse(upgraded, Reference.Data, NullLogger<SqliteWarehouse>.Instance).MigrateAsync(CancellationToken.None);
        Assert.Equal(before, Read(upgraded));
        using (var connection = Open(upgraded))
        {
            Assert.Empty(connection.Query("PRAGMA foreign_key_check"));
            Assert.True(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM dim_position WHERE post_hash IS NULL") > 0);
        }

        await LoadAsync(upgraded, october);

        Assert.Equal(Read(throughout), Read(upgraded));
        using (var connection = Open(upgraded))
        {
            // The load gave every post written before the migration its hash, the one this version computes.
            Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM dim_position WHERE post_hash IS NULL"));
            foreach (var post in connection.Query<(long Hash, string Title, string Group, string Code, string Area, string Role, string Centre, string Grade)>(
                "SELECT post_hash, position_title, staff_group, occupation_code, area_of_work, job_role, cost_centre, grade_as_written FROM dim_position"))
            {
                Assert.Equal(PostHash.Of(post.Title, post.Group, post.Code, post.Area, post.Role, post.Centre, post.Grade), post.Hash);
            }
        }
    }

    [Fact]
    public void The_post_hash_is_stored_so_it_never_changes()
    {
        // Values computed when the hash was introduced: a change here strands every post hashed before it.
        Assert.Equal(-4575800289503570864L, PostHash.Of(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty));
        Assert.Equal(
            PostHash.Of(new PostDescriptors("Clinical Scientist", "Healthcare Scientists", "S1A", "Genomics", "Clinical Scientist", "123 Genomics Lab", "Band 7")),
            PostHash.Of("Clinical Scientist", "Healthcare Scientists", "S1A", "Genomics", "Clinical Scientist", "123 Genomics Lab", "Band 7"));
        Assert.Equal(-828742251349325136L, PostHash.Of("Clinical Scientist", "Healthcare Scientists", "S1A", "Genomics", "Clinical Scientist", "123 Genomics Lab", "Band 7"));

        // The descriptors are kept apart: moving text from one to the next is another post.
        Assert.NotEqual(PostHash.Of("ab", "c", "", "", "", "", ""), PostHash.Of("a", "bc", "", "", "", "", ""));
    }

    private static Task LoadAsync(string path, string[] files) => TestPipeline.LoadEachAsync(path, files);

    private static SqliteConnection Open(string path) => new($"Data Source={path};Pooling=False");

    private static string Read(string path) => string.Join("\n--\n", SqliteFile.Rows(path, People), SqliteFile.Rows(path, Posts), SqliteFile.Rows(path, Facts));

    // Back to dim_person and dim_position as migration 0001 made them (unique key, unique descriptors, no hash), as a
    // warehouse loaded by the previous version has them, with foreign keys enforced on this connection.
    private static void Downgrade(string path)
    {
        using var connection = Open(path);
        connection.Open();
        connection.Execute("""
            PRAGMA foreign_keys = ON;
            BEGIN;
            DELETE FROM SchemaVersions WHERE ScriptName LIKE '%0015_post_and_person_hash_keys.sql';
            CREATE TEMP TABLE person_copy AS SELECT * FROM dim_person;
            CREATE TEMP TABLE position_copy AS SELECT * FROM dim_position;
            PRAGMA defer_foreign_keys = ON;
            DROP TABLE dim_person;
            DROP TABLE dim_position;
            CREATE TABLE dim_person (person_id INTEGER PRIMARY KEY, person_key TEXT NOT NULL UNIQUE);
            CREATE TABLE dim_position (
                position_id INTEGER PRIMARY KEY, position_title TEXT NOT NULL, staff_group TEXT NOT NULL, occupation_code TEXT NOT NULL,
                area_of_work TEXT NOT NULL, job_role TEXT NOT NULL, cost_centre TEXT NOT NULL, grade_as_written TEXT NOT NULL,
                role_id INTEGER NOT NULL REFERENCES dim_role (role_id), rule_id TEXT NOT NULL, taxonomy_version TEXT NOT NULL,
                UNIQUE (position_title, staff_group, occupation_code, area_of_work, job_role, cost_centre, grade_as_written));
            INSERT INTO dim_person SELECT person_id, person_key FROM person_copy;
            INSERT INTO dim_position SELECT position_id, position_title, staff_group, occupation_code, area_of_work, job_role, cost_centre, grade_as_written,
                role_id, rule_id, taxonomy_version FROM position_copy;
            DROP TABLE person_copy;
            DROP TABLE position_copy;
            COMMIT;
            """);
    }
}
