using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Tests.Normalisation;

public sealed class TitleNormaliserTests
{
    private static readonly TitleNormaliser Normaliser = new(new Dictionary<string, string>
    {
        ["hd"] = "head",
        ["hd of"] = "head of",
        ["sec"] = "secretary",
        ["med sec"] = "medical secretary",
        ["bms"] = "biomedical scientist",
        ["scientist"] = "boffin", // a replacement is never read again: "bms" must not become "biomedical boffin"
        ["pt"] = string.Empty,
    });

    [Theory]
    [InlineData("Med Sec to Hd of Dept", "medical secretary to head of dept")]
    [InlineData("Hd, Genomics", "head genomics")]
    [InlineData("Sec", "secretary")]
    [InlineData("Med. Sec.", "medical secretary")]
    [InlineData("Snr BMS", "snr biomedical scientist")]
    [InlineData("Clinical Scientist", "clinical boffin")]
    [InlineData("Counsellor (PT)", "counsellor")]
    [InlineData("Medical Records", "medical records")]
    public void The_longest_entry_at_each_word_wins_and_its_replacement_is_not_read_again(string title, string expected) =>
        Assert.Equal(expected, Normaliser.Normalise(title));

    // The field caches are keyed by the folded text (FieldDecisions.Normalised): that is exact only if normalising a
    // folded title gives what normalising the title gives, and if folding into a buffer writes what Fold returns.
    [Theory]
    [InlineData("Med Sec to Hd of Dept", "med sec to hd of dept")]
    [InlineData("Hd, Genomics", "hd genomics")]
    [InlineData("Med. Sec.", "med sec")]
    [InlineData("  Snr   BMS -- ", "snr bms")]
    [InlineData("Counsellor's (PT)", "counsellors pt")]
    [InlineData("GENETIC COUNSELLOR\u2019S ASSISTANT", "genetic counsellors assistant")]
    [InlineData("Zoë's Clinic, Ward 12B", "zoës clinic ward 12b")]
    [InlineData("---", "")]
    public void A_folded_title_normalises_as_the_title_does(string title, string expected)
    {
        var buffer = new char[title.Length];
        var folded = TitleText.Fold(title);

        Assert.Equal(expected, folded);
        Assert.Equal(expected, new string(buffer, 0, TitleText.Fold(title, buffer)));
        Assert.Equal(Normaliser.Normalise(title), Normaliser.Normalise(folded));

        // Folding folded text gives it back, the same string: a title that needs no synonym is its own cache key and value.
        Assert.Same(folded, TitleText.Fold(folded));
    }

    // Folding reads ASCII through a table: every character, in it or not, must fold as the rule says.
    [Fact]
    public void Every_character_folds_by_the_rule()
    {
        for (var c = (char)1; c < char.MaxValue; c++)
        {
            var expected = char.IsLetterOrDigit(c) ? $"a{char.ToLowerInvariant(c)}b" : c is '\'' or '\u2019' ? "ab" : "a b";
            Assert.True(expected == TitleText.Fold($"A{c}B"), $"U+{(int)c:X4}");
        }
    }

    [Fact]
    public void The_expansions_made_are_listed()
    {
        var expansions = new List<string>();

        Normaliser.Normalise("Med Sec to Hd of Dept (PT)", expansions);

        Assert.Equal(["med sec → medical secretary", "hd of → head of", "pt → (removed)"], expansions);
    }
}
