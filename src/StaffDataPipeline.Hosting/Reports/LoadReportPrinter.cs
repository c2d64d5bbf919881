using StaffDataPipeline.Pipeline;

namespace StaffDataPipeline.Hosting.Reports;

/// <summary>The per-file summary of a load or validate run, for people who do not read logs: printed by the CLI, written beside files the service rejects.</summary>
public static class LoadReportPrinter
{
    private const int DefaultRejectionsShown = 10;

    // A national file can hold hundreds of codes the team's files do not list: they are printed a dozen to a line, not
    // hundreds on one; where a command lists them all (a loaded file's unknown organisations), the first dozen and a
    // pointer to it.
    private const int CodesPerLine = 12;

    public static void Print(TextWriter o, IReadOnlyList<FileLoadReport> reports, bool dryRun, int rejectionsShown = DefaultRejectionsShown)
    {
        if (reports.Count == 0)
        {
            o.WriteLine("No files found to load (looked for .csv, .txt, .xlsx, .xlsm and .xls files).");
            return;
        }

        foreach (var r in reports)
        {
            if (r.Status == FileLoadStatus.Skipped)
            {
                o.WriteLine($"{r.FileName}: skipped, {r.Message}");
                continue;
            }

            o.WriteLine($"{r.FileName}: {Headline(r)}");
            var c = r.Counts;
            if (c.Read > 0)
            {
                var excluded = r.IsSurveyReturn ? "total or hidden rows ignored" : "excluded (inactive or not staff in post)";
                var loaded = r.Status is FileLoadStatus.Rejected or FileLoadStatus.Failed ? "would have loaded" : dryRun ? "would load" : "loaded";
                o.WriteLine($"    {c.Read:N0} rows read: {c.Loaded:N0} {loaded}, {c.OutOfScope:N0} out of scope, {c.Excluded:N0} {excluded}, {c.Rejected:N0} quarantined   [{r.Elapsed.TotalSeconds:N1} s, {c.Read / Math.Max(r.Elapsed.TotalSeconds, 0.001):N0} rows/s]");
            }

            if (r.Message is { } message && r.Status != FileLoadStatus.AlreadyLoaded)
            {
                o.WriteLine($"    {message}");
            }

            if (r.Commit is { SupersededFacts: > 0 } commit)
            {
                var key = r.IsSurveyReturn ? "organisation, return period and service area" : "organisation and month";
                o.WriteLine($"    superseded {commit.SupersededFacts:N0} earlier facts of batch(es) {string.Join(", ", commit.SupersededBatches)} for the same {key}");
            }

            if (r.Commit is { IdentifierChangedOrganisations.Count: > 0 } keyed)
            {
                o.WriteLine($"    the month before or after this one was keyed on the other kind of person identifier (national or local) for {string.Join(", ", keyed.IdentifierChangedOrganisations)}: the keys do not meet, so v_workforce_flows counts everyone there as leaving and joining between those months");
            }

            if (r.UnmappedRows > 0)
            {
                o.WriteLine($"    {r.UnmappedRows:N0} row{(r.UnmappedRows == 1 ? " has" : "s have")} genomics signals but no rule decided the role: see `staffdata unmapped`");
            }

            if (r.UnknownOrganisations.Count > 0)
            {
                var organisations = Count(r.UnknownOrganisations, "organisation code");
                if (r.Status != FileLoadStatus.Loaded || dryRun)
                {
                    Codes(o, $"{organisations} not in organisations.csv ({(r.Status == FileLoadStatus.Valid ? "would be" : "would have been")} Unknown)", r.UnknownOrganisations);
                }
                else if (r.UnknownOrganisations.Count > CodesPerLine)
                {
                    o.WriteLine($"    {organisations} not in organisations.csv, loaded as Unknown: {string.Join(", ", r.UnknownOrganisations.Take(CodesPerLine))} and {r.UnknownOrganisations.Count - CodesPerLine:N0} more (`staffdata unmapped` lists them all with their names)");
                }
                else
                {
                    o.WriteLine($"    {organisations} not in organisations.csv, loaded as Unknown (`staffdata unmapped` lists them with their names): {string.Join(", ", r.UnknownOrganisations)}");
                }
            }

            if (r.UnknownGrades.Count > 0)
            {
                Codes(o, $"{Count(r.UnknownGrades, "grade")} not in grades.csv (graded Unknown; add each as an alias or ESR grade code there, then `staffdata remap`)", r.UnknownGrades);
            }

            if (r.RolledUpSites.Count > 0)
            {
                Codes(o, $"{Count(r.RolledUpSites, "site code")} recorded against their trust (from the ODS release)", r.RolledUpSites);
            }

            if (r.MonthNote is { } monthNote)
            {
                o.WriteLine($"    {monthNote}");
            }

            if (r.UnlistedAssignmentValues.Count > 0)
            {
                o.WriteLine($"    not in assignment-rules.csv, so excluded: {string.Join(", ", r.UnlistedAssignmentValues)} (add each there as counted yes or no)");
            }

            if (r.FooterLines.Count > 0)
            {
                var lines = r.FooterLines.Count == 1 ? $"line {r.FooterLines[0]}" : $"lines {r.FooterLines[0]}-{r.FooterLines[^1]}";
                o.WriteLine($"    {lines} below the data hold a total, a count or a report footer, not staff records: not read");
            }

            if (r.UnknownColumns.Count > 0)
            {
                o.WriteLine($"    columns ignored (not in header-aliases.csv): {string.Join(", ", r.UnknownColumns)}");
            }

            if (r.PersonalColumnsDropped.Count > 0)
            {
                o.WriteLine($"    personal columns dropped unread: {string.Join(", ", r.PersonalColumnsDropped)}");
            }

            foreach (var rejection in r.Rejections.Take(rejectionsShown))
            {
                var sheet = rejection.Sheet is { } s ? $"sheet '{s}', " : string.Empty;
                o.WriteLine($"    {sheet}row {rejection.RowNumber}, column '{rejection.Column}': {rejection.ReasonCode}: {rejection.Message}");
            }

            foreach (var warning in r.Warnings.Take(rejectionsShown))
            {
                o.WriteLine($"    warning: sheet '{warning.SheetName}', row {warning.RowNumber}: {warning.RuleCode}: {warning.Message}");
            }

            if (r.Counts.Rejected > rejectionsShown)
            {
                o.WriteLine($"    ... {r.Counts.Rejected - rejectionsShown:N0} more quarantined rows{(r.BatchId is { } b ? $": SELECT * FROM rejected_row WHERE batch_id = {b}" : string.Empty)}");
            }
        }

        var skipped = reports.Count(r => r.Status == FileLoadStatus.Skipped);
        var files = reports.Count - skipped;
        var ok = reports.Count(r => r.Succeeded) - skipped;
        o.WriteLine($"{files} file(s): {ok} {(dryRun ? "valid" : "loaded or already loaded")}, {files - ok} not {(dryRun ? "valid" : "loaded")}{(skipped > 0 ? $"; {skipped} skipped" : string.Empty)}.");
    }

    private static string Count(IReadOnlyList<string> items, string noun) => $"{items.Count:N0} {noun}{(items.Count == 1 ? string.Empty : "s")}";

    private static void Codes(TextWriter o, string lead, IReadOnlyList<string> items)
    {
        o.WriteLine($"    {lead}: {string.Join(", ", items.Take(CodesPerLine))}{(items.Count > CodesPerLine ? "," : string.Empty)}");
        for (var i = CodesPerLine; i < items.Count; i += CodesPerLine)
        {
            o.WriteLine($"      {string.Join(", ", items.Skip(i).Take(CodesPerLine))}{(i + CodesPerLine < items.Count ? "," : string.Empty)}");
        }
    }

    private static string For(IReadOnlyList<string> months) => months switch
    {
        [] => string.Empty,
        [var one] => $", month {one}",
        [var first, .., var last] => $", {months.Count} months, {first} to {last}",
    };

    private static string Headline(FileLoadReport r) => r.Status switch
    {
        FileLoadStatus.Loaded => $"loaded as batch {r.BatchId} ({r.Extractor}){For(r.Months)}",
        FileLoadStatus.AlreadyLoaded => $"already loaded as batch {r.BatchId}{(r.LoadedAs is { } name ? $", as {name}" : string.Empty)}; nothing to do",
        FileLoadStatus.Valid => $"valid ({r.Extractor}){For(r.Months)}",
        FileLoadStatus.Rejected => r.BatchId is { } b ? $"REJECTED ({r.ReasonCode}, recorded as batch {b}); nothing was loaded" : $"REJECTED ({r.ReasonCode}); nothing would be loaded",
        FileLoadStatus.BeingLoadedElsewhere => $"being loaded by another process (batch {r.BatchId}); left alone",
        _ => $"FAILED ({r.ReasonCode}); nothing was loaded",
    };
}
