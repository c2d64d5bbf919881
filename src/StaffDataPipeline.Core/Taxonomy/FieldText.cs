namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// A field value as the rules read it (folded, abbreviations expanded), with what a decision works out from that value
/// kept beside it, each when first asked for: the title rules it lets through, when it is a post's effective title, and
/// the place it makes, when it is a cost centre (with the area it was last read with) or an area with no cost centre.
/// One cache lookup of the value then answers what took three. A national file shuffled across organisations meets
/// tens of thousands of titles and cost centres in no order, and a lookup in a cache that large is a few misses of the
/// processor's cache each (<see cref="FieldDecisions"/>). Shared between threads and rows: the title rules are a pure
/// function of the text, so two threads writing them write the same; the place is the last one made with this value,
/// any thread's, and is used only after checking it was made with the same area and cost centre.
/// </summary>
internal sealed class FieldText(string text)
{
    public string Text { get; } = text;

    /// <summary>The title rules of this value as a post's effective title; null until first asked for.</summary>
    public RuleMask? TitleRules;

    /// <summary>The last place kept on this value (its area and cost centre say what it was made with); null until then.</summary>
    public FieldDecisions.PlaceFacts? Place;

    // Written before the flag that says it is there; a second thread that works it out meanwhile writes the same bits
    // for every context pattern (a title's joint scan, TitleWords, may leave bits above them set: they are never read).
    private ulong _contextWords;
    private volatile bool _contextWordsKnown;

    /// <summary>
    /// The context patterns this value allows as one part of a post's context (<see cref="PatternPrefilter.PossibleInPart"/>),
    /// worked out when first asked for. Only for a prefilter whose words stay in parts, and always the same one (the
    /// cache of these entries belongs to one <see cref="FieldDecisions"/>).
    /// </summary>
    public ulong ContextWords(PatternPrefilter prefilter)
    {
        if (_contextWordsKnown)
        {
            return _contextWords;
        }

        KnowContextWords(prefilter.PossibleInPart(Text));
        return _contextWords;
    }

    /// <summary>
    /// Keeps <see cref="ContextWords"/>' answer worked out beside the title rules, in one scan of the value
    /// (FieldDecisions, where the title and context patterns fit one 64-bit word).
    /// </summary>
    public void KnowContextWords(ulong words)
    {
        _contextWords = words;
        _contextWordsKnown = true;
    }
}
