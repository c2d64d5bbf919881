using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Csv.Ods;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>`staffdata organisations import`: NHS ODS trust and site releases into the warehouse's organisation dimension.</summary>
internal static class OrganisationsCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("ods-files") { Description = "ODS trust and site releases (etrust.csv or .csv.gz), oldest first.", Arity = ArgumentArity.OneOrMore };
        var import = new Command("import", "Import ODS releases: every trust and site with its parent, region and dates. Importing the same release again changes nothing.") { files };
        import.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, new Dictionary<string, string?>(), async services =>
        {
            // Every release is read, and so checked, before the warehouse is touched: a damaged or wrong file creates
            // no warehouse and imports nothing, not even the releases named before it.
            var releases = parse.GetValue(files)!.Select(file => (File: file, Release: OdsReleaseReader.Read(file))).ToList();
            await services.GetRequiredService<IWarehouse>().MigrateAsync(ct);
            var review = services.GetRequiredService<IWarehouseReview>();
            foreach (var (file, release) in releases)
            {
                var result = await review.ImportOdsAsync(release, ct);
                var trusts = release.Count(o => !o.IsSite);
                Console.WriteLine($"{Path.GetFileName(file)}: {trusts:N0} trusts and {release.Count - trusts:N0} sites; {(result.NothingChanged ? "nothing changed (the warehouse already holds every organisation as this release has it)" : $"{result.Added:N0} added, {result.Changed:N0} changed, {result.Unchanged:N0} unchanged")}.");
                if (result.ChangedCodes.Count > 0)
                {
                    Console.WriteLine($"    changed (name, parent, region or dates): {string.Join(", ", result.ChangedCodes)}{(result.Changed > result.ChangedCodes.Count ? ", …" : string.Empty)}");
                }
            }

            return ExitCodes.Success;
        }));
        var succ = new Argument<string>("succ-file") { Description = "ODS's successor publication (succ.csv or .csv.gz)." };
        var successors = new Command("successors", "Add the mergers in ODS's successor publication to organisation-successors.csv in the reference data folder (existing lines are kept).") { succ };
        successors.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, new Dictionary<string, string?>(), services =>
        {
            var (folder, problem) = services.GetRequiredService<ReferenceDataLocation>().Writable();
            if (folder is null)
            {
                Console.Error.WriteLine($"staffdata: {problem}");
                return Task.FromResult(ExitCodes.Configuration);
            }

            var target = Path.Combine(folder, Csv.ReferenceData.ReferenceDataLoader.SuccessorsFile);
            var published = OdsSuccessorReader.Read(parse.GetValue(succ)!);
            var added = SuccessorsFile.Merge(target, published, services.GetRequiredService<ReferenceData.ReferenceDataSet>().Successors);
            Console.WriteLine($"{published.Count:N0} successor line(s) read; {added:N0} added to {target}{(added == 0 ? " (all were there already)" : "; review the change, then the views follow it from the next command")}.");
            return Task.FromResult(ExitCodes.Success);
        }));
        return new Command("organisations", "The organisation dimension: import NHS ODS releases and successors.") { import, successors };
    }
}
