using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Planning;
using StaffDataPipeline.Planning.Scenarios;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>`staffdata plan`: projects supply beside stated demand (the baseline, or the scenarios named) and records each run in the warehouse.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var runs = new Option<int?>("--runs") { Description = "Monte Carlo runs (default: runs in planning-assumptions.csv, 1000)." };
        var seed = new Option<long?>("--seed") { Description = $"Random seed: the same data, assumptions and seed give the same figures (default {PlanStage.DefaultSeed})." };
        var pack = new Option<FileInfo?>("--pack") { Description = "Also write the planning pack as a workbook (e.g. pack.xlsx), the baseline and every --scenario side by side." };
        var html = new Option<FileInfo?>("--html") { Description = "Also write the planning pack as a self-contained web page (e.g. pack.html)." };
        var scenarios = new Option<string[]>("--scenario")
        {
            Description = "A scenario to run beside the baseline (which always runs first): the name of a file in reference-data/scenarios; give it again for more (same seed, one run each).",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("plan", "Project supply for England, regions, GLHs and large enough organisations beside stated demand, and record the run (plan_run, plan_projection).") { runs, seed, scenarios, pack, html };
        command.SetAction((parse, ct) => GlobalOptions.RunAsync(parse, new Dictionary<string, string?>(), async services =>
        {
            if (parse.GetValue(runs) is < 1 or > 100_000)
            {
                await Console.Error.WriteLineAsync("staffdata: --runs must be a whole number from 1 to 100000.");
                return ExitCodes.Configuration;
            }

            if (parse.GetValue(seed) is < 0)
            {
                await Console.Error.WriteLineAsync("staffdata: --seed must be a whole number from 0.");
                return ExitCodes.Configuration;
            }

            // The planning pack's files, checked before the run so a missing writer does not cost a plan.
            var packFiles = new[] { parse.GetValue(pack), parse.GetValue(html) }.OfType<FileInfo>().Select(f => f.FullName).ToList();
            if (packFiles.Count > 0 && services.GetRequiredService<PlanningPackService>().MissingWriter(packFiles) is { } noWriter)
            {
                await Console.Error.WriteLineAsync("staffdata: " + noWriter);
                return ExitCodes.Configuration;
            }

            // A scenario file with a mistake stops only a run that asks for it: say so, so it is corrected.
            foreach (var (name, problem) in services.GetRequiredService<ReferenceData.ReferenceDataSet>().PlanningAssumptions.ScenarioProblems)
            {
                await Console.Error.WriteLineAsync($"staffdata: warning: scenario '{name}' cannot be run until its file is corrected: {problem}");
            }

            if (await LoadedWarehouse.RefusedAsync(services, "there is nothing to plan from", ct))
            {
                return ExitCodes.Configuration;
            }

            await services.GetRequiredService<IWarehouse>().MigrateAsync(ct);
            var stage = services.GetRequiredService<PlanStage>();
            IReadOnlyList<PlanStageResult>? outcomes;
            try
            {
                outcomes = await stage.RunScenariosAsync(parse.GetValue(scenarios) ?? [], parse.GetValue(runs), parse.GetValue(seed) is { } s ? (ulong)s : null, ct);
            }
            catch (UnknownScenarioException e)
            {
                await Console.Error.WriteLineAsync($"staffdata: {e.Message}");
                return ExitCodes.Configuration;
            }

            if (outcomes is null)
            {
                Console.WriteLine("Nothing to plan: the warehouse holds no staff in post. Load ESR exports first (staffdata load <folder>).");
                return ExitCodes.SomeFilesNotLoaded;
            }

            foreach (var outcome in outcomes)
            {
                var r = outcome.Result;
                var years = r.Lines.Count == 0 ? 0 : r.Lines.Max(l => l.Year);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Plan run {outcome.RunId} ({r.Scenario}): data as of {r.DataAsOf:yyyy-MM-dd}, assumptions {r.AssumptionsVersion}, seed {r.Seed}, {r.Runs} runs."));
                foreach (var statement in r.ScenarioStatements)
                {
                    Console.WriteLine($"  {statement}");
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{outcome.Units} unit(s) (England, regions, GLHs, organisations), years 0 to {years}, {outcome.Lines} line(s); {r.Suppressed.Count} organisation role(s) below the threshold; {outcome.Elapsed.TotalSeconds:0.0} s (read {outcome.Stages.Read.TotalSeconds:0.0} s, model {outcome.Stages.Model.TotalSeconds:0.0} s, record {outcome.Stages.Record.TotalSeconds:0.0} s)."));
            }

            if (outcomes[0].Result.DemandWithoutSupply is { Count: > 0 } without)
            {
                Console.WriteLine($"Demand left out of the gaps: {without.Count} organisation(s) sent returns but no ESR export is loaded for them ({string.Join(", ", without.Take(10))}{(without.Count > 10 ? ", …" : string.Empty)}); load their staff in post to set their demand against their supply.");
            }

            var ids = outcomes.Count == 1 ? $"= {outcomes[0].RunId}" : $"IN ({string.Join(", ", outcomes.Select(o => o.RunId))})";
            Console.WriteLine($"Query it: SELECT * FROM plan_projection WHERE run_id {ids} (and plan_commission, plan_demand); v_supply_projection and v_supply_demand_gap read the latest baseline run.");
            if (packFiles.Count > 0)
            {
                foreach (var file in await services.GetRequiredService<PlanningPackService>().WriteAsync([.. outcomes.Select(o => o.Record)], outcomes[0].Inputs, packFiles, ct))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Planning pack written: {file.Path} ({file.Sheets} sheets, {file.Bytes:#,0} bytes)."));
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
