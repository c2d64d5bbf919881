using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.ReferenceData;

/// <summary>
/// title-overrides.csv: the workforce team picks a role for one exact title instead of writing a pattern. The override
/// decides before every rule (after the scope exclusions), the fast path and `explain` agree, and mistakes name the
/// file and line.
/// </summary>
public sealed class TitleOverrideTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_override_decides_its_exact_title_before_the_rules_and_nothing_else()
    {
        var folder = Overrides("Variant Interpretation Lead,LAB-CS,checked with the GLH", "Clinical Scientist,BIOINF,a rule would say LAB-CS");
        var reference = ReferenceDataLoader.Load(folder);
        var shipped = Reference.Data.Mapper;

        var unmapped = Post("Variant  interpretation LEAD", "Genomics Laboratory");
        var ruled = Post("Clinical Scientist", "Genomics Laboratory");
        var longer = Post("Senior Variant Interpretation Lead", "Genomics Laboratory");

        Assert.Equal(Role.Unmapped, shipped.Map(unmapped).RoleCode);
        Assert.Equal("LAB-CS", shipped.Map(ruled).RoleCode);
        Assert.Equal(("LAB-CS", TitleOverride.RuleIdOf("variant interpretation lead")), (reference.Mapper.Map(unmapped).RoleCode, reference.Mapper.Map(unmapped).RuleId));
        Assert.Equal("BIOINF", reference.Mapper.Map(ruled).RoleCode);
        Assert.Equal(shipped.Map(longer).RoleCode, reference.Mapper.Map(longer).RoleCode);
        var explained = reference.Mapper.Explain(unmapped);
        Assert.Equal(reference.Mapper.Map(unmapped), explained.Decision);
        Assert.Contains(explained.Trials, t => t.Matched && t.SourceFile.EndsWith("title-overrides.csv", StringComparison.Ordinal) && t.SourceLine == 2);
        Assert.Equal(["Variant Interpretation Lead", "Clinical Scientist"], reference.TitleOverrides.Select(o => o.Title));
    }

    [Fact]
    public void A_place_that_is_out_of_scope_stays_out_of_scope_whatever_the_override()
    {
        var reference = ReferenceDataLoader.Load(Overrides("Clinical Scientist,LAB-CS,"));

        Assert.Equal(Role.OutOfScope, reference.Mapper.Map(Post("Clinical Scientist", "Medical Physics")).RoleCode);
    }

    [Fact]
    public void Adding_an_override_changes_the_taxonomy_version_and_removing_it_restores_it()
    {
        var folder = Overrides();
        var file = Path.Combine(folder, ReferenceDataLoader.TitleOverridesFile);
        var before = ReferenceDataLoader.Load(folder);

        Assert.False(TitleOverridesFile.Set(file, "Data Wrangler", "BIOINF", "", before.Mapper.NormaliseTitle));
        var added = ReferenceDataLoader.Load(folder);
        Assert.True(TitleOverridesFile.Set(file, "data  wrangler", "BIOINF-ENG", "engineer after all", added.Mapper.NormaliseTitle));
        var changed = ReferenceDataLoader.Load(folder);
        Assert.True(TitleOverridesFile.Remove(file, "DATA WRANGLER", changed.Mapper.NormaliseTitle));
        var removed = ReferenceDataLoader.Load(folder);

        Assert.NotEqual(before.Taxonomy.Version, added.Taxonomy.Version);
        Assert.Equal("BIOINF-ENG", Assert.Single(changed.TitleOverrides).RoleCode);
        Assert.Equal(before.Taxonomy.Version, removed.Taxonomy.Version);
        Assert.Throws<FormatException>(() => TitleOverridesFile.Set(file, "=HYPERLINK(\"x\")", "GC", "", removed.Mapper.NormaliseTitle));
    }

    [Theory]
    [InlineData("Data Curator,NO-SUCH-ROLE,", "role_code 'NO-SUCH-ROLE' is not a role in roles.csv")]
    [InlineData("Data Curator,UNMAPPED,", "role_code 'UNMAPPED' is not a role")]
    [InlineData(",GC,", "title is blank")]
    [InlineData("data-wrangler,GC,", "already has an override on line 2")]
    public void Override_mistakes_name_the_file_and_line(string line, string expected)
    {
        var folder = Overrides("Data Wrangler,BIOINF,", line);

        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.Load(folder));

        Assert.Contains("title-overrides.csv, line 3:", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static MappingInput Post(string title, string area) => new(title, "Healthcare Scientists", "", area, "", "", "Band 7");

    private string Overrides(params string[] lines)
    {
        var folder = _dir.CopyReferenceData();
        File.WriteAllText(Path.Combine(folder, ReferenceDataLoader.TitleOverridesFile), string.Join("\n", ["title,role_code,note", .. lines]) + "\n");
        return folder;
    }
}

/// <summary>Two processes changing title-overrides.csv at once take turns, through a lock file beside it.</summary>
public sealed class TitleOverrideEditorLockTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_change_while_another_process_holds_the_folder_lock_waits_then_refuses_and_changes_nothing()
    {
        var folder = _dir.CopyReferenceData();
        var database = _dir.File("warehouse.db");
        var reference = ReferenceDataLoader.Load(folder);
        var editor = new StaffDataPipeline.Hosting.TitleOverrideEditor(
            new StaffDataPipeline.Hosting.ReferenceDataLocation(folder),
            reference.Mapper,
            new StaffDataPipeline.Sqlite.SqliteWarehouse(database, reference, Microsoft.Extensions.Logging.Abstractions.NullLogger<StaffDataPipeline.Sqlite.SqliteWarehouse>.Instance),
            new StaffDataPipeline.Sqlite.SqliteWarehouseReview(database),
            TimeProvider.System) { LockWait = TimeSpan.FromMilliseconds(600) };
        var file = Path.Combine(folder, ReferenceDataLoader.TitleOverridesFile);
        var before = File.ReadAllText(file);

        StaffDataPipeline.Hosting.OverrideChange held;
        using (new FileStream(Path.Combine(folder, ".title-overrides.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            held = await editor.SetAsync("Data Wrangler", "BIOINF", "", CancellationToken.None);
        }

        var free = await editor.SetAsync("Data Wrangler", "BIOINF", "", CancellationToken.None);

        Assert.Equal(StaffDataPipeline.Hosting.OverrideChangeStatus.Invalid, held.Status);
        Assert.Contains("being made right now", held.Message, StringComparison.Ordinal);
        Assert.Equal(StaffDataPipeline.Hosting.OverrideChangeStatus.Changed, free.Status);
        Assert.NotEqual(before, File.ReadAllText(file));
        Assert.False(File.Exists(Path.Combine(folder, ".title-overrides.lock")), "the lock file is removed when released");
    }
}
