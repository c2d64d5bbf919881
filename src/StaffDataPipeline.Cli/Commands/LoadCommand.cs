using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Cli.Output;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Hosting.Reports;
using StaffDataPipeline.Pipeline;

namespace StaffDataPipeline.Cli.Commands;

/// <summary>`staffdata load` and `staffdata validate`: the same pipeline, the second without writing.</summary>
internal static class LoadCommand
{
    public static Command Create(bool dryRun)
    {
        var paths = new Argument<string[]>("paths") { Description = "ESR exports (.csv, .xlsx, .xls) and survey returns (.xlsx, .xls), or folders of them.", Arity = ArgumentArity.OneOrMore };
        var snapshot = new Option<string?>("--snapshot") { Description = "Snapshot month (yyyy-mm) for files whose rows and name do not say." };
        var threshold = new Option<string?>("--reject-threshold") { Description = "Reject a file when more than this share of its in-scope rows fail validation (default 0.05)." };
        var acceptShrink = new Option<bool>("--accept-shrink") { Description = "Load a file even when it has under half the rows (Load:ShrinkThreshold) of the batch it would supersede for an organisation and month, or a return." };
        var encoding = new Option<string?>("--encoding") { Description = "Force utf-8 or windows-1252 instead of detecting." };
        var command = new Command(dryRun ? "validate" : "load", dryRun
            ? "Check ESR exports and survey returns exactly as a load would, without writing anything (no database, no key file)."
            : "Load ESR staff-in-post exports (.csv, .xlsx, .xls) and survey returns (.xlsx, .xls) into the warehouse, one atomic batch per file.")
        {
            paths, snapshot, threshold, encoding, acceptShrink,
        };
        command.SetAction((parse, ct) =>
        {
            var flags = new Dictionary<string, string?>();
            if (parse.GetValue(snapshot) is { } s)
            {
                flags["Load:Snapshot"] = s;
            }

            if (parse.GetValue(threshold) is { } t)
            {
                flags["Load:RejectThreshold"] = t;
            }

            if (parse.GetValue(acceptShrink))
            {
                flags["Load:AcceptShrink"] = "true";
            }

            if (parse.GetValue(encoding) is { } e)
            {
                flags["Load:Encoding"] = e;
            }

            BatchGarbageCollector.Use();
            return GlobalOptions.RunAsync(parse, flags, async services =>
            {
                // The first file's hash is taken while the pipeline is composed (the reference data read) and the warehouse migrated.
                using var run = LoadRun.Start(parse.GetValue(paths)!);
                var pipeline = services.GetRequiredService<LoadPipeline>();
                var progress = Console.IsErrorRedirected ? null : new ConsoleProgress();
                var reports = await pipeline.RunAsync(run, dryRun, progress, ct);
                progress?.Clear();
                LoadReportPrinter.Print(Console.Out, reports, dryRun);
                // Nothing read (no files, or only files passed over, such as an archive): not a success for a job to report.
                return reports.Any(r => r.Status != FileLoadStatus.Skipped) && reports.All(r => r.Succeeded) ? ExitCodes.Success : ExitCodes.SomeFilesNotLoaded;
            });
        });
        return command;
    }
}
