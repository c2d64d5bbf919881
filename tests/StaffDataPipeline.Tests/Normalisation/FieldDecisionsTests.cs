using StaffDataPipeline.Csv.Esr;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.SampleGenerator;
using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Normalisation;

/// <summary>
/// The mapper decides a post it has not seen from work done once per field value; `explain` runs the same computation
/// with a trace and renders it. On a national extract in the trust layout (titles with wards, teams and sites; a cost
/// centre per department per trust; genomics and other posts; every taxonomy layer exercised) the traced run must decide
/// every row as the cached one does, and the rendering must show the deciding exclusion or rule as the one match.
/// </summary>
public sealed class FieldDecisionsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // With a cost centre drawn per row almost every row is a place of its own: the place patterns are compiled after the
    // first thousand places (FieldDecisions.PlaceOf), and must decide as the interpreted ones did.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_row_of_a_national_trust_extract_is_explained_by_the_decision_that_made_it(bool costCentrePerRow)
    {
        var path = Path.Combine(_dir.Path, "national_202309.csv");
        NationalExtract.Write(path, new NationalExtractOptions(20_000, GenomicsShare: 0.3, NationalLayout.TrustBi, Seed: 11, CostCentrePerRow: costCentrePerRow));
        var mapper = Reference.Fresh().Mapper;
        var source = SourceFileReader.Inspect(path);
        using var extraction = new EsrCsvExtractor(Reference.Data.Aliases).Open(source, new ExtractionOptions(Reference.Data.Aliases));
        var roles = new HashSet<string>();
        var exclusions = 0;
        var rows = 0;
        var grades = new StaffDataPipeline.Normalisation.GradeNotations(extraction.Header, Reference.Data.Grades);
        foreach (var r in extraction.Records())
        {
            var input = StaffDataPipeline.Normalisation.EsrRowNormaliser.MappingInputOf(r, grades);
            var explanation = mapper.Explain(input);
            var walked = explanation.Decision;

            Assert.True(walked == mapper.Map(input), $"row {r.RowNumber}: '{input.PositionTitle}' in '{input.CostCentre}': the traced decision is {walked.RoleCode} by {walked.RuleId}, the mapper's {mapper.Map(input).RoleCode} by {mapper.Map(input).RuleId}");

            // The rendering says what the trace found: the trial that matched is the last one listed and the one that decided.
            var matched = explanation.Trials.Where(t => t.Matched).Select(t => t.Id).ToList();
            Assert.True(
                walked.RuleId.StartsWith("DEFAULT", StringComparison.Ordinal) ? matched.Count == 0 : matched.SequenceEqual([walked.RuleId]) && explanation.Trials[^1].Matched,
                $"row {r.RowNumber}: decided by {walked.RuleId}, but the explanation shows [{string.Join(", ", matched)}] matching");
            roles.Add(walked.RoleCode);
            exclusions += walked.RuleId.StartsWith("EX-", StringComparison.Ordinal) ? 1 : 0;
            rows++;
        }

        Assert.Equal(20_000, rows);

        // The sample reaches exclusions, in-scope roles of every family, review and out of scope, so the agreement means something.
        Assert.Contains(Role.Unmapped, roles);
        Assert.Contains(Role.OutOfScope, roles);
        Assert.True(exclusions > 100, $"only {exclusions} rows reached a scope exclusion");
        Assert.True(roles.Count > 15, $"only {roles.Count} roles reached: {string.Join(", ", roles)}");
    }
}
