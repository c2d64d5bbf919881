using System.Text.RegularExpressions;
using StaffDataPipeline.Csv.Esr;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.SampleGenerator;
using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Normalisation;

/// <summary>
/// A post's context patterns and the genomics signals are not run when the context lacks every word a pattern needs
/// (PatternPrefilter). That is only right if no pattern can match without one of the words RequiredLiterals names: this
/// reads those words off patterns of each shape the reference data uses, and checks the claim on every pattern the
/// shipped reference data has, over the contexts of a national extract and texts written to break it.
/// </summary>
public sealed class PatternPrefilterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(@"\b(genetic|genomic)", "genetic;genomic")]
    [InlineData(@"\bclinical scientist\b", "clinical scientist")]
    [InlineData(@"\bclinical scientist\b.*\b(genetic|glh)|\b(genetic|glh).*\bclinical scientist\b", "clinical scientist")]
    [InlineData(@"\b(genetic|genomic) counsell?or", "genetic counsel;genomic counsel")]
    [InlineData(@"\bmolecular (genetic|diagnostic|pathology)\b", "molecular genetic;molecular diagnostic;molecular pathology")]
    [InlineData(@"pharmacogen", "pharmacogen")]
    [InlineData(@"\bdna\b|\bglh\b", "dna;glh")]
    [InlineData(@"^band [5-9]$", "band 5;band 6;band 7;band 8;band 9")]
    [InlineData(@"(?:st|sp)r\s+\d+", "spr;str")]
    [InlineData(@"\b(specialty registrar|st[3-8]|specialty trainee)\b", "specialty registrar;st3;st4;st5;st6;st7;st8;specialty trainee")] // a few ways through make words
    [InlineData(@"\b(genetic|genomic) counselling (associate|assistant)", "genetic counselling associate;genetic counselling assistant;genomic counselling associate;genomic counselling assistant")]
    [InlineData(@"[Gg]enetic", "genetic")]
    [InlineData(@"st[^3]x", "st")] // a negated set is not a few ways
    [InlineData(@"[a-z]x", "x")] // nor are 26 letters
    [InlineData(@"(a|b|c|d|e)(f|g|h|i)yz", "fyz;gyz;hyz;iyz")] // 20 ways are too many to join: a new word starts
    [InlineData(@"(genetic|)counsellor", "counsellor;geneticcounsellor")] // an empty branch is a way through too
    [InlineData(@"(?:ab)+c", "ab")] // repeated, a group of one way is there at least once
    [InlineData(@"a{2,}bc", "bc")]
    [InlineData(@"GENETIC\.", "genetic.")]
    [InlineData(@"^(?!.*\bclinical scientist\b).*\bscientist\b", "scientist")] // a lookaround is passed over
    [InlineData(@"(?=genetic)gen", "gen")]
    [InlineData(@"(?<!clinical )scientist", "scientist")]
    [InlineData(@"(?<=genetic )counsellor|(?<=(glh|dna) )lab", "counsellor;lab")]
    public void A_pattern_needs_the_words_every_match_contains(string pattern, string words) =>
        Assert.Equal(words.Split(';').Order(), RequiredLiterals.Of(pattern)!.Order());

    [Theory]
    [InlineData(@"\b(genetic|)")] // an empty branch needs nothing
    [InlineData(@"(genetic)?\bservice\b|\d+")] // a branch of digits only
    [InlineData(@"(?=genetic)")] // a lookahead alone needs no word of the match
    [InlineData(@"(?<name>genetic)")] // a named group
    [InlineData(@"(?!(?i)x)genetic")] // inline options inside a lookaround
    [InlineData(@"(?i)genetic")] // inline options
    [InlineData(@"\tgenetic")] // an escape it does not know
    [InlineData(@"g[\]]enetic")] // a class with an escape
    [InlineData(@"zoë")] // not ASCII: case-insensitive matching is wider there
    [InlineData(@".*")]
    [InlineData(@"genetic)")]
    [InlineData(@"[a-z-[aeiou]]x")] // class subtraction: the set closes at the second ']'
    [InlineData(@"a{1,|b}")] // not a quantifier: .NET reads '{1,' as text, so the '|' is an alternation
    [InlineData(@"genetic{1,2|dna}")]
    public void A_pattern_it_cannot_read_or_that_needs_no_word_is_always_run(string pattern) =>
        Assert.Null(RequiredLiterals.Of(pattern));

    [Fact]
    public void No_shipped_pattern_matches_a_context_the_prefilter_rules_out()
    {
        // Every pattern of the shipped reference data, and shapes the team could write.
        var reference = Reference.Fresh();
        var patterns = reference.Mapper.Rules.SelectMany(r => new[] { r.Title, r.Context, r.Place, r.StaffGroup, r.OccupationCode })
            .Concat(reference.Mapper.Exclusions.SelectMany(e => new[] { e.Place, e.StaffGroup, e.Unless }))
            .Concat(File.ReadLines(Path.Combine(Repository.ReferenceData, "genomics-signals.csv")).Where(l => l.StartsWith('\\') || char.IsLetter(l[0])).Skip(1).Select(l => new Regex(l.Split(',')[0], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)))
            .OfType<Regex>()
            .Concat(new[] { @"\bgenetic(s)?\b", @"counsel+or", @"\b(genetic|genomic) counsell?or", @"\bdna\s+lab", @"(genetic|genomic){1,2} service", @"^[a-z]+ genetics$" }.Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)))
            .DistinctBy(p => p.ToString())
            .ToList();
        Assert.True(patterns.Count(p => RequiredLiterals.Of(p.ToString()) is not null) >= 40, "most shipped patterns should be read");

        // The contexts of a national extract (every taxonomy layer), in the mapper's normalised form and as written.
        var path = Path.Combine(_dir.Path, "national_202309.csv");
        NationalExtract.Write(path, new NationalExtractOptions(5_000, GenomicsShare: 0.5, NationalLayout.TrustBi, Seed: 3));
        using var extraction = new EsrCsvExtractor(reference.Aliases).Open(SourceFileReader.Inspect(path), new ExtractionOptions(reference.Aliases));
        var grades = new StaffDataPipeline.Normalisation.GradeNotations(extraction.Header, reference.Grades);
        var texts = new List<string>();
        foreach (var row in extraction.Records())
        {
            var input = StaffDataPipeline.Normalisation.EsrRowNormaliser.MappingInputOf(row, grades);
            texts.Add(PostContext.Context(TitleText.Fold(input.PositionTitle), TitleText.Fold(input.AreaOfWork), TitleText.Fold(input.CostCentre), TitleText.Fold(input.JobRole)));
            texts.Add($"{input.PositionTitle} | {input.AreaOfWork} | {input.CostCentre} | {input.JobRole}");
            texts.Add(reference.Mapper.NormaliseTitle(input.PositionTitle)); // the text the title patterns are tested on
        }

        // Written to break it: case, words split or joined by the separator, a Kelvin sign, a long s, words at the ends.
        texts.AddRange([
            "GENETIC COUNSELLOR", "Clinical Scientist | Genomics", "clinical | scientist genetics", "genetic | counsellor",
            "cytogenetics", "band 7", "band 5", "\u212Aelvin genetic", "\u017Fequencing", "DNA", "dna", "pharmacogenomics lead",
            "molecular pathology", "molecular | pathology", "", " | ", "glh", "gmsa manager", "familial cancer service",
            "Snr Genetic Counselor", "genetic counselor | genetics", "counselor", "dna   lab", "genomicgenomic service",
            "inherited cancer", "hereditary", "bioinformatician", "clinical scientist | molecular genetics", "x genetics",
        ]);

        // A prefilter answers for 64 patterns: every pattern is checked, 64 at a time.
        foreach (var chunk in patterns.Chunk(64))
        {
            var prefilter = new PatternPrefilter(chunk);
            foreach (var text in texts)
            {
                var possible = prefilter.Possible(text);
                for (var i = 0; i < chunk.Length; i++)
                {
                    Assert.False(chunk[i].IsMatch(text) && !PatternPrefilter.MayMatch(possible, i), $"'{chunk[i]}' matches '{text}', which the prefilter ruled out");
                }
            }
        }

        // And it does rule out: most non-genomics contexts need none of the context patterns run.
        var contexts = reference.Mapper.Rules.Select(r => r.Context).OfType<Regex>().DistinctBy(p => p.ToString()).ToList();
        var contextFilter = new PatternPrefilter(contexts);
        var ruledOut = texts.Count(t => Enumerable.Range(0, contexts.Count).All(i => !PatternPrefilter.MayMatch(contextFilter.Possible(t), i)));
        Assert.True(ruledOut > texts.Count / 5, $"only {ruledOut} of {texts.Count} texts had every context pattern ruled out");
    }
}
