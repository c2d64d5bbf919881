using System.Text.RegularExpressions;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// Which title patterns a title's words allow (<see cref="PatternPrefilter"/>), read once per title met for the first
/// time. Where the title patterns and the context patterns with the genomics signals fit one 64-bit word together (the
/// shipped rules: 37 title and 21 context patterns), the same scan also gives what the title allows as a part of a
/// post's context, kept on its entry (<see cref="FieldText.KnowContextWords"/>) so that the post does not read it again.
/// </summary>
/// <remarks>
/// The joint scan reads the title as a context part is read, with a space either side: the title patterns' bits come
/// first, then exactly what the context prefilter would find in the part (each pattern's words are its own, whatever
/// the others). A word that begins or ends with a space may then let a title pattern run that the bare title would not
/// (it runs and does not match), never the other way round. Past 64 patterns, or where context words cross parts
/// (<see cref="PatternPrefilter.WordsStayInParts"/>), the two scans stay apart.
/// </remarks>
internal sealed class TitleWords
{
    private readonly PatternPrefilter? _titleWords;
    private readonly PatternPrefilter? _titleAndContextWords;
    private readonly int _titlePatterns;

    /// <param name="contextPatterns">The context patterns and then the genomics signals, as <paramref name="contextWords"/> was made from.</param>
    public TitleWords(IReadOnlyList<Regex> titlePatterns, IReadOnlyList<Regex> contextPatterns, PatternPrefilter contextWords)
    {
        _titlePatterns = titlePatterns.Count;
        if (contextWords.WordsStayInParts && titlePatterns.Count + contextPatterns.Count <= 64)
        {
            _titleAndContextWords = new PatternPrefilter([.. titlePatterns, .. contextPatterns]);
        }
        else
        {
            _titleWords = new PatternPrefilter(titlePatterns);
        }
    }

    /// <summary>Whether the title's context words come from the same scan.</summary>
    public bool ReadsContextWords => _titleAndContextWords is not null;

    /// <summary>
    /// The title patterns the title may match, one bit each (pattern i is bit i; bits past the title patterns mean
    /// nothing); with <see cref="ReadsContextWords"/>, the title's context words are kept on its entry as well.
    /// </summary>
    public ulong Possible(FieldText title)
    {
        if (_titleAndContextWords is null)
        {
            return _titleWords!.Possible(title.Text);
        }

        var both = _titleAndContextWords.PossibleInPart(title.Text);
        title.KnowContextWords(both >> _titlePatterns);
        return both;
    }
}
