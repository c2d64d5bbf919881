using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Cli;

/// <summary>`staffdata override` as the team's data engineer runs it: a real process, a real warehouse, real files.</summary>
public sealed class OverrideCommandTests : IDisposable
{
    private const string Facts = "SELECT COUNT(*) FROM fact_staff_in_post f JOIN dim_position p ON p.position_id = f.position_id JOIN dim_role r ON r.role_id = f.role_id WHERE p.position_title = 'Variant Interpretation Lead' AND r.role_code = ";
    private const string Queued = "SELECT COUNT(*) FROM review_unmapped_title WHERE position_title = 'Variant Interpretation Lead'";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Choosing_a_role_for_an_unmapped_title_remaps_its_facts_and_removing_it_puts_the_title_back_in_the_queue()
    {
        var folder = _dir.CopyReferenceData();
        var database = _dir.File("staffdata.db");
        Run("load", Repository.Samples("esr"));
        var unmapped = SqliteFile.Scalar<long>(database, Facts + "'UNMAPPED'");
        Assert.True(unmapped > 0, "the samples have unmapped Variant Interpretation Lead posts");

        var set = Run("override", "set", "variant interpretation lead", "lab-cs", "--note", "checked with the GLH");
        var afterSet = (SqliteFile.Scalar<long>(database, Facts + "'LAB-CS'"), SqliteFile.Scalar<long>(database, Queued));
        var list = Run("override", "list");
        var remove = Run("override", "remove", "Variant Interpretation Lead");
        var afterRemove = (SqliteFile.Scalar<long>(database, Facts + "'UNMAPPED'"), SqliteFile.Scalar<long>(database, Queued));
        var text = File.ReadAllText(Path.Combine(folder, "title-overrides.csv"));
        var (badExit, _, badError) = CliRunner.Run(_dir.Path, null, "--reference-data", folder, "override", "set", "Data Wrangler", "NO-SUCH-ROLE");
        var (shippedExit, _, shippedError) = CliRunner.Run(_dir.Path, null, "override", "set", "Data Wrangler", "BIOINF");

        Assert.Contains("Added the override: 'variant interpretation lead' is LAB-CS.", set, StringComparison.Ordinal);
        Assert.Equal((unmapped, 0L), afterSet);
        Assert.Contains("'variant interpretation lead' is LAB-CS (checked with the GLH)", list, StringComparison.Ordinal);
        Assert.Contains("the mapping rules decide it again", remove, StringComparison.Ordinal);
        Assert.Equal(unmapped, afterRemove.Item1);
        Assert.True(afterRemove.Item2 > 0, "the title is back in the review queue");
        Assert.Equal("title,role_code,note", text.Trim().TrimStart('\uFEFF'));
        Assert.Equal(2, badExit);
        Assert.Contains("title-overrides.csv, line 2: role_code 'NO-SUCH-ROLE'", badError, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(Path.Combine(folder, "title-overrides.csv")));
        Assert.Equal(2, shippedExit);
        Assert.Contains("the copy shipped with the program", shippedError, StringComparison.Ordinal);
        Assert.Equal("title,role_code,note", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference-data", "title-overrides.csv")).Trim().TrimStart('\uFEFF'));
    }

    [Fact]
    public void A_survey_role_that_maps_again_after_its_override_is_removed_is_back_in_the_review_queue()
    {
        _dir.CopyReferenceData();
        var database = _dir.File("staffdata.db");
        Run("load", Repository.Samples("surveys"));
        const string SurveyQueue = "SELECT COUNT(*) FROM review_unmapped_title WHERE area_of_work = 'Survey return' AND position_title = ";
        var title = SqliteFile.Scalar<string>(database, "SELECT position_title FROM review_unmapped_title WHERE area_of_work = 'Survey return' ORDER BY row_count DESC LIMIT 1");
        Assert.False(string.IsNullOrEmpty(title), "the sample returns have an unmapped role");
        var quoted = "'" + title.Replace("'", "''", StringComparison.Ordinal) + "'";

        Run("override", "set", title, "GEN-ADMIN");
        var afterSet = SqliteFile.Scalar<long>(database, SurveyQueue + quoted);
        Run("override", "remove", title);

        Assert.Equal(0, afterSet);
        Assert.Equal(1, SqliteFile.Scalar<long>(database, SurveyQueue + quoted));
    }

    private string Run(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run(_dir.Path, null, ["--reference-data", Path.Combine(_dir.Path, "reference-data"), .. args]);
        Assert.True(exit == 0, $"staffdata {string.Join(' ', args)}: {output}{error}");
        return output;
    }
}
