using System.Text.RegularExpressions;
using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Normalisation;

/// <summary>
/// A title met for the first time is read once for its title patterns' words and its context words together
/// (TitleWords). That scan must allow every title pattern the title's own scan allows, and give exactly the context words
/// its entry would otherwise work out (FieldText.ContextWords), on titles of real fixtures, their words recombined, and
/// strings written to break it (non-ASCII letters, the parts' separator, spaces at the edges).
/// </summary>
public sealed class TitleWordsTests
{
    // The signals stand-in has words of its own and one shared with the rules, as the shipped signals do.
    private static readonly Regex Signals = new(@"\b(genom\w*|genetic\w*|bioinformatic\w*|molecular )", RegexOptions.IgnoreCase);

    private static (Regex[] Titles, Regex[] Contexts) ShippedPatterns()
    {
        var rules = Reference.Data.Mapper.Rules;
        Regex[] Distinct(IEnumerable<Regex?> patterns) => [.. patterns.OfType<Regex>().DistinctBy(p => p.ToString())];
        return (Distinct(rules.Select(r => r.Title)), [.. Distinct(rules.Select(r => r.Context)), Signals]);
    }

    private static IEnumerable<string> Texts()
    {
        var mapper = Reference.Data.Mapper;
        var fixtures = Directory.GetFiles(Path.GetDirectoryName(Repository.Fixture("x"))!, "role-mapping-cases*.csv")
            .SelectMany(File.ReadLines)
            .SelectMany(line => line.Split(','))
            .Select(mapper.NormaliseTitle)
            .Distinct()
            .ToList();
        var words = fixtures.SelectMany(t => t.Split(' ')).Where(w => w.Length > 0).Distinct().ToArray();
        var random = new Random(3);
        const string letters = "abcdefghijklmnopqrstuvwxyz |()-/&.é";
        return fixtures
            .Concat(Enumerable.Range(0, 20_000).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(1, 6)).Select(_ => words[random.Next(words.Length)]))))
            .Concat(Enumerable.Range(0, 20_000).Select(_ => new string([.. Enumerable.Range(0, random.Next(0, 30)).Select(_ => letters[random.Next(letters.Length)])])))
            .Concat(["molecular", "genetic | pathology", " counsellor ", "genètic counsellor", string.Empty]);
    }

    [Fact]
    public void One_scan_allows_every_title_pattern_the_title_allows_and_finds_exactly_its_context_words()
    {
        var (titles, contexts) = ShippedPatterns();
        var contextWords = new PatternPrefilter(contexts);
        var titleWords = new TitleWords(titles, contexts, contextWords);
        var titleOnly = new PatternPrefilter(titles);
        Assert.True(titleWords.ReadsContextWords, $"the premise: {titles.Length} title and {contexts.Length} context patterns read in one scan");

        var titleMask = (1UL << titles.Length) - 1;
        var contextMask = (1UL << contexts.Length) - 1;
        var texts = Texts().Distinct().ToList();
        var wider = 0;
        foreach (var text in texts)
        {
            var entry = new FieldText(text);
            var possible = titleWords.Possible(entry);
            var alone = titleOnly.Possible(text);
            Assert.True((alone & titleMask & ~possible) == 0, $"'{text}': a title pattern its own words allow was ruled out");
            wider += (possible & titleMask) != (alone & titleMask) ? 1 : 0;

            // The entry answers from the joint scan; a fresh entry of the same text works it out as a part.
            Assert.True(
                (entry.ContextWords(contextWords) & contextMask) == (new FieldText(text).ContextWords(contextWords) & contextMask),
                $"'{text}': the joint scan's context words differ from the part's own");
        }

        Assert.True(texts.Count > 30_000, $"only {texts.Count} texts");

        // Read with a space either side, a word that starts or ends with a space lets a few more patterns run.
        Assert.InRange(wider, 0, texts.Count / 20);
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void Title_and_context_patterns_are_read_together_up_to_64(int patterns, bool together)
    {
        var (titles, contexts) = ShippedPatterns();
        Regex[] padded = [.. titles, .. Enumerable.Range(0, patterns - titles.Length - contexts.Length).Select(n => new Regex($@"\bzzq{n}x\b"))];
        Assert.Equal(together, new TitleWords(padded, contexts, new PatternPrefilter(contexts)).ReadsContextWords);
    }

    [Fact]
    public void Past_64_patterns_the_title_is_read_alone_and_its_context_words_are_left_to_its_entry()
    {
        var (titles, contexts) = ShippedPatterns();
        Regex[] many = [.. titles, .. Enumerable.Range(0, 64 - titles.Length - contexts.Length + 1).Select(n => new Regex($@"\bzzq{n}x\b"))];
        var contextWords = new PatternPrefilter(contexts);
        var titleWords = new TitleWords(many, contexts, contextWords);
        Assert.False(titleWords.ReadsContextWords);

        var titleOnly = new PatternPrefilter(many);
        foreach (var text in new[] { "principal clinical scientist genomics", "genetic counsellor", "porter", "bioinformatician | molecular pathology" })
        {
            var entry = new FieldText(text);
            Assert.Equal(titleOnly.Possible(text), titleWords.Possible(entry));
            Assert.Equal(contextWords.PossibleInPart(text), entry.ContextWords(contextWords));
        }
    }
}
