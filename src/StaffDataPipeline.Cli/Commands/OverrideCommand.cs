using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.ReferenceData;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>
/// `staffdata override set|remove|list`: the workforce team's exact-title choices (title-overrides.csv), tried before
/// the mapping rules. Setting or removing one rewrites that one line, checks the whole folder loads, and remaps the
/// warehouse with it, so the facts of that title change role at once.
/// </summary>
internal static class OverrideCommand
{
    public static Command Create()
    {
        var title = new Argument<string>("title") { Description = "The job title exactly as the files show it (case, spaces, punctuation and abbreviations do not matter)." };
        var role = new Argument<string>("role") { Description = "A role code from roles.csv, or OUT-OF-SCOPE for a title that is not genomics." };
        var note = new Option<string?>("--note") { Description = "Why (kept in the file for whoever reviews it)." };
        var set = new Command("set", "Give every post with this exact title this role (before the mapping rules), and remap the warehouse.") { title, role, note };
        set.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, new Dictionary<string, string?>(), services =>
            ReportAsync(services.GetRequiredService<TitleOverrideEditor>().SetAsync(parse.GetValue(title)!, parse.GetValue(role)!, parse.GetValue(note) ?? "", ct))));

        var removeTitle = new Argument<string>("title") { Description = "The title whose override to remove." };
        var remove = new Command("remove", "Remove a title's override (the mapping rules decide it again), and remap the warehouse.") { removeTitle };
        remove.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, new Dictionary<string, string?>(), services =>
            ReportAsync(services.GetRequiredService<TitleOverrideEditor>().RemoveAsync(parse.GetValue(removeTitle)!, ct))));

        var list = new Command("list", "List the title overrides, as the rules see them.");
        list.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, new Dictionary<string, string?>(), services =>
        {
            var overrides = services.GetRequiredService<ReferenceDataSet>().TitleOverrides;
            Console.WriteLine(overrides.Count == 0 ? "No title overrides." : $"{overrides.Count} title override(s), tried before the mapping rules:");
            foreach (var o in overrides)
            {
                Console.WriteLine($"  line {o.SourceLine}: '{o.Title}' is {o.RoleCode}{(o.Note.Length > 0 ? $" ({o.Note})" : "")}");
            }

            return Task.FromResult(ExitCodes.Success);
        }));

        return new Command("override", "Choose the role of an exact job title (title-overrides.csv), without writing a rule.") { set, remove, list };
    }

    // The change itself is TitleOverrideEditor's (shared with the service's review page); here only what to print.
    private static async Task<int> ReportAsync(Task<OverrideChange> change)
    {
        var done = await change;
        switch (done.Status)
        {
            case OverrideChangeStatus.NotFound:
                await Console.Error.WriteLineAsync($"staffdata: {done.Message} 'staffdata override list' shows those there are.");
                return ExitCodes.SomeFilesNotLoaded;
            case OverrideChangeStatus.Invalid:
                await Console.Error.WriteLineAsync($"staffdata: {done.Message}");
                return ExitCodes.Configuration;
            case OverrideChangeStatus.WrittenNotApplied:
                await Console.Error.WriteLineAsync($"staffdata: {done.Message}");
                return ExitCodes.SomeFilesNotLoaded;
        }

        Console.WriteLine(done.Message);
        var result = done.Remap!;
        Console.WriteLine($"Remapped with taxonomy version {result.TaxonomyVersion}: {result.PostsChanged} post(s) changed role, {result.FactsUpdated} fact(s) updated, {result.FactsRemovedAsOutOfScope} removed as out of scope, {result.SurveyLinesChanged} survey line(s) changed.");
        return ExitCodes.Success;
    }
}
