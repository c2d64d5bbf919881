using StaffDataPipeline.SampleGenerator;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Extraction;

/// <summary>
/// The benchmark's national extract in the trust ESR BI layout has the shape the load-speed goals are stated for: 24
/// columns, about 330 bytes a row, about 3.5% genomics and 7% inactive rows, a cost centre per department per trust,
/// and so many distinct posts that a decision cache keyed on whole posts rarely hits.
/// </summary>
public sealed class NationalExtractTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_trust_layout_has_the_stated_columns_shares_and_cardinalities()
    {
        var path = Path.Combine(_dir.Path, "trust.csv");
        NationalExtract.Write(path, new NationalExtractOptions(40_000, GenomicsShare: 0.035, NationalLayout.TrustBi));
        var lines = File.ReadLines(path).ToList();
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        var rows = lines.Skip(1).Select(Fields).ToList();
        int Column(string name) => Array.IndexOf(header, name);

        Assert.Equal(26, header.Length);
        Assert.True(rows.All(r => r[Column("Unique Nhs Identifier")].Length == 9 && r[Column("Unique Nhs Identifier")] != r[Column("Employee Number")]), "both identifiers, unrelated");
        Assert.True(rows.Count(r => r[Column("Grade Code")].StartsWith("XN", StringComparison.Ordinal)) > 40_000 * 0.8, "grade codes beside most pay bands");
        Assert.Equal(40_000, rows.Count);
        Assert.InRange(new FileInfo(path).Length / 40_000.0, 280, 380);
        Assert.InRange(rows.Count(r => r[Column("Area of Work")] is "Clinical Genetics" or "Genomics Laboratory" or "Clinical Bioinformatics" or "Bioinformatics" or "Genomic Medicine Service") / 40_000.0, 0.025, 0.045);
        Assert.InRange(rows.Count(r => r[Column("Assignment Status")] is not ("Active Assignment" or "Internal Secondment")) / 40_000.0, 0.06, 0.08);
        Assert.InRange(rows.Select(r => r[Column("Organisation Code")]).Distinct().Count(), 200, 220);
        Assert.True(rows.Select(r => r[Column("Position Title")]).Distinct().Count() > 2_000, "thousands of distinct titles");
        var posts = rows.Select(r => string.Join('|', new[] { "Position Title", "Area of Work", "Cost Centre", "Pay Band", "Job Role" }.Select(c => r[Column(c)]))).Distinct().Count();
        Assert.True(posts > 40_000 * 0.6, $"most rows are a post of their own ({posts:N0} distinct posts in 40,000 rows)");
    }

    // The generator quotes only the full name ("Surname, Forename"); other fields hold no comma.
    private static string[] Fields(string line)
    {
        var parts = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || (line[i] == ',' && !quoted))
            {
                parts.Add(line[start..i].Trim('"'));
                start = i + 1;
            }
            else if (line[i] == '"')
            {
                quoted = !quoted;
            }
        }

        return [.. parts];
    }
}
