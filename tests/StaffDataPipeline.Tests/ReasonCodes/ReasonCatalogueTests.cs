using System.Text.RegularExpressions;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.ReasonCodes;

/// <summary>
/// The reason codes are a contract (stored in the warehouse, routed on, read by people): every code the program can
/// emit is in the catalogue with its meaning and what to do, every catalogue entry is one the program emits, and
/// docs/reason-codes.md is the catalogue.
/// </summary>
public sealed partial class ReasonCatalogueTests
{
    [Fact]
    public void Every_code_the_source_can_emit_is_in_the_catalogue_and_every_entry_is_emitted()
    {
        var emitted = EmittedCodes();

        Assert.True(emitted.Count >= 60, $"only {emitted.Count} codes found in the source: the scan is broken");
        Assert.Empty(emitted.Where(code => ReasonCatalogue.Find(code) is null).Order(StringComparer.Ordinal));
        Assert.Empty(ReasonCatalogue.All.Select(r => r.Code).Where(code => !emitted.Contains(code)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Codes_are_unique_and_every_entry_says_what_it_means_and_what_to_do_in_a_sentence()
    {
        Assert.Equal(ReasonCatalogue.All.Count, ReasonCatalogue.All.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ReasonCatalogue.All, r =>
        {
            Assert.Matches("^[A-Z]+(_[A-Z]+)*$", r.Code);
            Assert.EndsWith(".", r.Meaning, StringComparison.Ordinal);
            Assert.EndsWith(".", r.WhatToDo, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_reason_codes_page_is_the_catalogue()
    {
        var page = Path.Combine(Repository.Root, "docs", "reason-codes.md");
        if (Environment.GetEnvironmentVariable("STAFFDATA_WRITE_DOCS") == "1")
        {
            File.WriteAllText(page, ReasonCatalogue.Markdown());
        }

        Assert.True(
            File.Exists(page) && File.ReadAllText(page).ReplaceLineEndings("\n") == ReasonCatalogue.Markdown(),
            "docs/reason-codes.md differs from ReasonCatalogue: run the tests once with STAFFDATA_WRITE_DOCS=1 to write it, and commit it.");
    }

    // Codes in C# string literals ("THRESHOLD_EXCEEDED") and in SQL that sets load_batch.reason_code, outside comments
    // and outside the catalogue itself; the sample generator's column headings (TM_END_DATE…) are not codes.
    private static HashSet<string> EmittedCodes()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains("StaffDataPipeline.SampleGenerator", StringComparison.Ordinal)
                     && !f.EndsWith("ReasonCatalogue.cs", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(Path.Combine(Repository.Root, "sql"), "*.sql", SearchOption.AllDirectories));
        foreach (var file in sources)
        {
            foreach (var line in File.ReadLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && !l.TrimStart().StartsWith("--", StringComparison.Ordinal)))
            {
                codes.UnionWith(SnakeLiteral().Matches(line).Select(m => m.Groups[1].Value));
                codes.UnionWith(ReasonAssignment().Matches(line).Select(m => m.Groups[1].Value));
            }
        }

        return codes;
    }

    [GeneratedRegex("\"([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+)\"")]
    private static partial Regex SnakeLiteral();

    // reason_code = 'INTERRUPTED' in SQL; ReasonCode = "REJECTED", ?? "REJECTED", Retry(…, "FAILED", …) for one-word codes.
    [GeneratedRegex("(?:reason_code\\s*=\\s*N?'|ReasonCode\\s*(?:=|\\?\\?)\\s*\"|Retry\\([^,]+,[^,]+,\\s*\")([A-Z]+(?:_[A-Z]+)*)['\"]")]
    private static partial Regex ReasonAssignment();
}
