using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Cli.Commands;

internal static class RemapCommand
{
    public static Command Create()
    {
        var command = new Command("remap", "Re-derive the roles of facts already loaded with the current mapping rules, and their service areas with the current service-area rules, and record the new taxonomy version.");
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, new Dictionary<string, string?>(), async services =>
        {
            if (await LoadedWarehouse.RefusedAsync(services, "nothing was remapped", ct))
            {
                return ExitCodes.Configuration;
            }

            await services.GetRequiredService<IWarehouse>().MigrateAsync(ct);
            var remapper = new RoleRemapper(services.GetRequiredService<RoleMapper>(), services.GetRequiredService<ReferenceDataSet>().ServiceAreas, services.GetRequiredService<TimeProvider>());
            var result = await remapper.RemapAsync(services.GetRequiredService<IWarehouseReview>(), ct);
            if (result.PostsChanged == 0 && result.FactsRemovedAsOutOfScope == 0 && result.SurveyLinesChanged == 0 && result.ServiceAreaFactsChanged == 0)
            {
                Console.WriteLine($"Nothing changed: the current rules (taxonomy version {result.TaxonomyVersion}) decide every one of the {result.PostsChecked} stored posts, their service areas and every survey line as before.");
                return ExitCodes.Success;
            }

            Console.WriteLine($"Taxonomy version {result.TaxonomyVersion}: {result.PostsChecked} posts checked, {result.PostsChanged} changed role or rule, {result.FactsUpdated} facts updated, {result.FactsRemovedAsOutOfScope} facts removed as now out of scope; {result.ServiceAreaFactsChanged} facts changed service area or its rule; {result.SurveyLinesChanged} survey return lines changed role.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
