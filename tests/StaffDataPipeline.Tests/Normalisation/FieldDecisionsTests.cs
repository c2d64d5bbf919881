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

    // The field caches are keyed by folded text: titles that differ only in case, spacing and punctuation share an entry.
    // Each must be decided as its plain spelling is (the role named here), through a mapper that has seen the others.
    [Theory]
    [InlineData("GC", "Genetic Counsellor", "GENETIC COUNSELLOR", "genetic  counsellor.", "Genetic-Counsellor")]
    [InlineData("LAB-CS", "Clinical Scientist (Genomics)", "CLINICAL SCIENTIST - GENOMICS", "clinical scientist genomics")]
    [InlineData("MED-CG-CONS", "Consultant Clinical Geneticist", "CONSULTANT  CLINICAL-GENETICIST", "consultant clinical geneticist.")]
    [InlineData("OUT-OF-SCOPE", "Porter", "PORTER!", "porter")]
    public void Titles_written_differently_decide_alike(string role, params string[] written)
    {
        var warm = Reference.Fresh().Mapper;
        foreach (var costCentre in new[] { "180600 Clinical Genetics", "180600 CLINICAL GENETICS" })
        {
            foreach (var title in written.Concat(written))
            {
                var input = new MappingInput(title, "Healthcare Scientists", "S9Z", "Clinical Genetics", "Scientist", costCentre, "Band 7");
                Assert.Equal(role, warm.Map(input).RoleCode);
                Assert.Equal(role, warm.MapInScope(input)?.RoleCode ?? "OUT-OF-SCOPE");
            }
        }
    }

    // With a cost centre drawn per row almost every row is a place of its own: the place patterns are compiled after the
    // first thousand places (FieldDecisions.PlaceOf), and must decide as the interpreted ones did. With the position number
    // in every title, every title is tested against the title patterns its words allow, compiled after the first thousand.
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Every_row_of_a_national_trust_extract_is_explained_by_the_decision_that_made_it(bool costCentrePerRow, bool titlePerRow)
    {
        var path = Path.Combine(_dir.Path, "national_202309.csv");
        NationalExtract.Write(path, new NationalExtractOptions(20_000, GenomicsShare: 0.3, NationalLayout.TrustBi, Seed: 11, CostCentrePerRow: costCentrePerRow, TitlePerRow: titlePerRow));
        var mapper = Reference.Fresh().Mapper;

        // A load's mapper of its own, so that its caches hold only what the in-scope path computed.
        var loadMapper = Reference.Fresh().Mapper;
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

            // A load asks only whether the post is in scope, and if so how: the rules first, the exclusions after.
            AssertLoadAgrees(walked, loadMapper.MapInScope(input), $"row {r.RowNumber}: '{input.PositionTitle}' in '{input.CostCentre}'");

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

    // A title's mask is found by which title patterns it matched, one bit each, up to 64 patterns (FieldDecisions.RulesByTitle);
    // past 64 by the mask itself. Rules that never match, put first, move every shipped title pattern along: 23 of them put
    // the shipped ones at bits 23 to 59 of the word, 40 past the 64th. Every row of a national extract whose titles are
    // met once must be decided as the shipped rules decide it, by the same rule.
    [Theory]
    [InlineData(23)]
    [InlineData(40)]
    public void Title_patterns_high_in_the_word_or_past_64_decide_as_the_shipped_rules_do(int neverMatching)
    {
        var reference = _dir.CopyReferenceData();
        var rules = Path.Combine(reference, "mapping-rules.csv");
        var lines = File.ReadAllLines(rules).ToList();
        lines.InsertRange(
            lines.FindIndex(l => l.StartsWith("rule_id,", StringComparison.Ordinal)) + 1,
            Enumerable.Range(0, neverMatching).Select(n => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"RT-NEVER-{n},GC,\\bzzq{n}x\\b,,,,,,a title no post has")));
        File.WriteAllLines(rules, lines);
        var many = StaffDataPipeline.Csv.ReferenceData.ReferenceDataLoader.Load(reference).Mapper;
        var loadMany = StaffDataPipeline.Csv.ReferenceData.ReferenceDataLoader.Load(reference).Mapper;
        var patterns = many.Rules.Select(r => r.Title?.ToString()).Distinct().Count(t => t is not null);
        Assert.True(neverMatching < 30 ? patterns is > 55 and <= 64 : patterns > 64 + 10, $"the premise: {patterns} distinct title patterns");

        var shipped = Reference.Fresh().Mapper;
        var path = Path.Combine(_dir.Path, "titles_202309.csv");
        NationalExtract.Write(path, new NationalExtractOptions(5_000, GenomicsShare: 0.3, NationalLayout.TrustBi, Seed: 5, TitlePerRow: true));
        using var extraction = new EsrCsvExtractor(Reference.Data.Aliases).Open(SourceFileReader.Inspect(path), new ExtractionOptions(Reference.Data.Aliases));
        var grades = new StaffDataPipeline.Normalisation.GradeNotations(extraction.Header, Reference.Data.Grades);
        var rulesDeciding = new HashSet<string>();
        foreach (var r in extraction.Records())
        {
            var input = StaffDataPipeline.Normalisation.EsrRowNormaliser.MappingInputOf(r, grades);
            var expected = shipped.Map(input);
            Assert.True(expected == many.Map(input), $"row {r.RowNumber}: '{input.PositionTitle}': {expected.RoleCode} by {expected.RuleId} with the shipped rules, {many.Map(input).RoleCode} by {many.Map(input).RuleId} with 40 more");
            AssertLoadAgrees(expected, loadMany.MapInScope(input), $"row {r.RowNumber}: '{input.PositionTitle}'");
            rulesDeciding.Add(expected.RuleId);
        }

        // Many rules decide, so that many title patterns past the 64th were read.
        Assert.True(rulesDeciding.Count > 20, $"only {rulesDeciding.Count} rules decided: {string.Join(", ", rulesDeciding)}");
    }

    /// <summary>
    /// A load tries the rules before the exclusions (RoleMapper.MapInScope). Where that could go wrong is a post the
    /// rules alone would take in and an exclusion keeps out (a Bioinformatician in Medical Physics), or one whose place
    /// an exclusion names and its Unless lifts (a haematology genomics laboratory): every title, place and staff group
    /// here is crossed with every other, and the load's answer must be Map's.
    /// </summary>
    [Fact]
    public void A_load_decides_scope_as_the_mapper_does_where_the_exclusions_and_the_rules_disagree()
    {
        string[] titles =
        [
            "Bioinformatician", "Senior Bioinformatician", "Clinical Scientist", "Clinical Scientist (Genomics)", "Genetic Counsellor",
            "Consultant Clinical Geneticist", "Genomic Data Scientist", "Data Scientist", "Healthcare Science Practitioner",
            "Cytogeneticist", "Research Nurse", "Medical Secretary", "Clinical Trials Practitioner", "Pharmacist", "Consultant Haematologist",
            "Genomics Associate", "MLA", "Band 6 BMS",
        ];
        string[] places =
        [
            "Medical Physics", "Clinical Engineering", "Research and Development", "Oncology Research", "Cancer Clinical Trials Unit",
            "University of Leeds", "Gender Identity Clinic", "Sexual Health", "Pharmacy", "Aseptic Unit", "Biochemistry", "Blood Sciences",
            "Immunology", "Histocompatibility and Immunogenetics", "Haematology", "Haematology Genomics Laboratory", "Cellular Pathology",
            "Microbiology", "Virology Genomics", "Finance", "Business Intelligence", "Genomics Laboratory", "Clinical Genetics",
            "North Thames GLH", "Regional Genetics Service", "Research and Development Genomic Laboratory Hub", "Pharmacogenomics",
        ];
        string[] staffGroups = ["Healthcare Scientists", "Additional Clinical Services", "Medical and Dental", "Administrative and Clerical", "Estates and Ancillary", "Scientific and Professional"];
        var mapper = Reference.Fresh().Mapper;
        var loadMapper = Reference.Fresh().Mapper;
        var withoutExclusions = _dir.CopyReferenceData();
        File.Delete(Path.Combine(withoutExclusions, "scope-exclusions.csv"));
        var rulesOnly = StaffDataPipeline.Csv.ReferenceData.ReferenceDataLoader.Load(withoutExclusions).Mapper;
        var keptOutByAnExclusion = 0;
        var inScope = 0;
        foreach (var title in titles)
        {
            foreach (var place in places)
            {
                foreach (var staffGroup in staffGroups)
                {
                    foreach (var costCentre in new[] { place, $"W{title.Length}{place.Length} {place}" })
                    {
                        var input = new MappingInput(title, staffGroup, null, place, null, costCentre, "Band 7");
                        var decided = mapper.Map(input);
                        AssertLoadAgrees(decided, loadMapper.MapInScope(input), $"'{title}' in '{costCentre}' ({staffGroup})");
                        keptOutByAnExclusion += decided.RuleId.StartsWith("EX-", StringComparison.Ordinal) && rulesOnly.Map(input).IsInScope ? 1 : 0;
                        inScope += decided.IsInScope ? 1 : 0;
                    }
                }
            }
        }

        Assert.True(keptOutByAnExclusion > 100, $"only {keptOutByAnExclusion} posts are kept out by an exclusion that the rules alone would take in");
        Assert.True(inScope > 100, $"only {inScope} posts are in scope");
    }

    /// <summary>A load's answer (RoleMapper.MapInScope) is Map's decision when that takes the post in, and null otherwise.</summary>
    // A place is kept on its cost centre's entry with the area it was made with (FieldDecisions.CachedPlace), or on the
    // area's when there is no cost centre. The same cost centre read with one area and then another, in every order and
    // written in two cases, must be decided by the area of its own row: as `explain`, which makes every place afresh.
    [Fact]
    public void A_cost_centre_read_with_different_areas_is_decided_by_the_area_of_each_row()
    {
        string[] areas = ["Clinical Genetics", "Medical Physics", "Genomics Laboratory", "Biochemistry", string.Empty];
        string[] costCentres = ["180600 Scientific Services", "180600 SCIENTIFIC SERVICES", string.Empty];
        string[] titles = ["Clinical Scientist", "Bioinformatician", "Healthcare Science Practitioner"];
        var mapper = Reference.Fresh().Mapper;
        var loadMapper = Reference.Fresh().Mapper;
        var oracle = Reference.Fresh().Mapper;
        var decisions = new HashSet<string>();

        // Three rounds, each in a different order of areas, so that every area follows every other on the same cost centre;
        // each round at a grade of its own, so that no round is answered by the mapper's cache of whole posts.
        string[] grades = ["Band 7", "Band 8a", "Band 6"];
        for (var round = 0; round < 3; round++)
        {
            foreach (var costCentre in costCentres)
            {
                foreach (var title in titles)
                {
                    for (var k = 0; k < areas.Length; k++)
                    {
                        var area = areas[((k * (round + 1)) + round) % areas.Length];
                        var input = new MappingInput(title, "Healthcare Scientists", null, area, null, costCentre, grades[round]);
                        var expected = oracle.Explain(input).Decision;
                        var post = $"'{title}' in '{area}' / '{costCentre}' (round {round})";
                        Assert.True(expected == mapper.Map(input), $"{post}: explained as {expected.RoleCode} by {expected.RuleId}, mapped as {mapper.Map(input).RoleCode} by {mapper.Map(input).RuleId}");
                        AssertLoadAgrees(expected, loadMapper.MapInScope(input), post);
                        decisions.Add($"{title} {expected.RuleId}");
                    }
                }
            }
        }

        // The areas must matter here, or a place kept with the wrong area would pass unseen.
        Assert.All(titles, title => Assert.True(decisions.Count(d => d.StartsWith(title + " ", StringComparison.Ordinal)) >= 2, $"{title}: the areas did not change its decision"));
    }

    // One text can be an area in one row and a cost centre in another, and the field entries are shared by every field:
    // the place kept on "genomic hub" (so "Genomics Hub" normalises) as an area with no cost centre must not serve a post
    // whose area and cost centre are both that text (place "genomic hub | genomic hub"), nor the other way round. An exclusion anchored on
    // the whole place tells the two apart.
    [Fact]
    public void A_place_kept_for_a_text_as_area_is_not_used_where_the_same_text_is_also_the_cost_centre()
    {
        var reference = _dir.CopyReferenceData();
        File.AppendAllText(Path.Combine(reference, "scope-exclusions.csv"), "EX-TEST,^genomic hub$,,,the place alone with no cost centre\n");
        var mapper = StaffDataPipeline.Csv.ReferenceData.ReferenceDataLoader.Load(reference).Mapper;
        var loadMapper = StaffDataPipeline.Csv.ReferenceData.ReferenceDataLoader.Load(reference).Mapper;
        var oracle = StaffDataPipeline.Csv.ReferenceData.ReferenceDataLoader.Load(reference).Mapper;
        var alone = new MappingInput("Clinical Scientist (Genomics)", "Healthcare Scientists", null, "Genomics Hub", null, null, "Band 7");
        var twice = alone with { CostCentre = "GENOMICS HUB" };
        Assert.Equal("EX-TEST", oracle.Explain(alone).Decision.RuleId);
        Assert.True(oracle.Explain(twice).Decision.IsInScope, $"the post in 'Genomics Hub | Genomics Hub' is {oracle.Explain(twice).Decision.RuleId}");

        // Alternating, at a grade of its own each time so that every row is decided from its fields.
        string[] grades = ["Band 7", "Band 8a", "Band 6", "Band 8b", "Band 5", "Band 8c"];
        var posts = new[] { alone, twice, alone, twice, twice, alone, alone, twice };
        for (var i = 0; i < posts.Length; i++)
        {
            var input = posts[i] with { Grade = grades[i % grades.Length] };
            var expected = oracle.Explain(input).Decision;
            var decided = mapper.Map(input);
            Assert.True(expected == decided, $"row {i} ('{input.AreaOfWork}' / '{input.CostCentre}'): explained as {expected.RuleId}, mapped as {decided.RuleId}");
            AssertLoadAgrees(expected, loadMapper.MapInScope(input), $"row {i}");
        }
    }

    // A post with no title is read by its job role (the effective title), whose title rules are kept on the job role's
    // entry: posts without titles, one job role after another, must each be decided by their own.
    [Fact]
    public void Posts_without_a_title_are_decided_by_their_job_role()
    {
        string[] jobRoles = ["Genetic Counsellor", "Clinical Scientist", "Bioinformatician", "Porter", "Consultant Clinical Geneticist"];
        var mapper = Reference.Fresh().Mapper;
        var loadMapper = Reference.Fresh().Mapper;
        var oracle = Reference.Fresh().Mapper;
        var roles = new HashSet<string>();
        foreach (var title in new[] { null, string.Empty, " - " })
        {
            foreach (var jobRole in jobRoles.Concat(jobRoles.Reverse()))
            {
                var input = new MappingInput(title, "Healthcare Scientists", null, "Clinical Genetics", jobRole, "180600 Clinical Genetics", "Band 7");
                var expected = oracle.Explain(input).Decision;
                Assert.True(expected == mapper.Map(input), $"job role '{jobRole}', title '{title}': explained as {expected.RoleCode} by {expected.RuleId}, mapped as {mapper.Map(input).RoleCode} by {mapper.Map(input).RuleId}");
                AssertLoadAgrees(expected, loadMapper.MapInScope(input), $"job role '{jobRole}'");
                roles.Add(expected.RoleCode);
            }
        }

        Assert.True(roles.Count >= 3, $"the job roles decided only {string.Join(", ", roles)}");
    }

    // A post's context words are read from its parts, once per value: a rule must still find a word that takes in the space
    // of the separator after a part ("molecular " in `\bmolecular \W`, met in "research molecular | laboratory"), and a word
    // across two parts ("genetic | pathology") must still be found in the context as a whole.
    [Theory]
    [InlineData(@"\bmolecular \W", "Research Molecular", "Laboratory")]
    [InlineData(@"genetic \| pathology", "Cancer Genetic", "Pathology")]
    public void A_context_word_at_or_across_the_edge_of_a_part_is_found(string context, string title, string area)
    {
        var reference = _dir.CopyReferenceData();
        var rules = Path.Combine(reference, "mapping-rules.csv");
        var lines = File.ReadAllLines(rules).ToList();
        lines.Insert(lines.FindIndex(l => l.StartsWith("rule_id,", StringComparison.Ordinal)) + 1, $"RT-EDGE,GC-TRAINEE,,\"{context}\",,,,,a context word at the edge of a part");
        File.WriteAllLines(rules, lines);
        var mapper = StaffDataPipeline.Csv.ReferenceData.ReferenceDataLoader.Load(reference).Mapper;
        var loadMapper = StaffDataPipeline.Csv.ReferenceData.ReferenceDataLoader.Load(reference).Mapper;
        var input = new MappingInput(title, "Healthcare Scientists", null, area, null, null, "Band 6");

        Assert.Equal("RT-EDGE", mapper.Map(input).RuleId);
        Assert.Equal("RT-EDGE", loadMapper.MapInScope(input)?.RuleId);
    }

    private static void AssertLoadAgrees(RoleDecision decided, RoleDecision? forLoad, string post) => Assert.True(
        decided.IsInScope ? forLoad == decided : forLoad is null,
        $"{post}: decided {decided.RoleCode} by {decided.RuleId}, but a load takes it as {forLoad?.RoleCode ?? "out of scope"} by {forLoad?.RuleId}");
}
