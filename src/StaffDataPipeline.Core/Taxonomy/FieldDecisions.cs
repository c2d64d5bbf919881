using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using StaffDataPipeline.Grades;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// The exclusions and rules worked out once per distinct field value rather than once per post. In a real extract
/// posts rarely repeat (a cost centre per department per trust makes most rows a post of their own), but each field
/// takes few values: thousands of titles, tens of staff groups and grades. So each value is normalised once, and
/// every condition that reads one field (title, place, staff group, occupation code, grade) is tested once per
/// value and kept as a set of the rules it lets through. A post then costs a few lookups, the intersection of those
/// sets, and only the context patterns of the rules still standing (each distinct pattern at most once), plus the
/// genomics signals when no rule decides. Given a <see cref="Trace"/> (only `staffdata explain` gives one; a load
/// passes null and pays nothing), the same computation records what it found, and <see cref="RoleMapper.Explain"/>
/// renders that record: the explanation is of the computation that decided, not of a second walk beside it.
/// </summary>
internal sealed partial class FieldDecisions
{
    private const int FieldCacheLimit = 100_000;
    private readonly IReadOnlyList<ScopeExclusion> _exclusions;
    private readonly IReadOnlyList<MappingRule> _rules;
    private readonly Regex _genomicsSignals;
    private readonly TitleNormaliser _titles;
    private readonly GradeCatalogue _grades;
    private readonly Regex[] _contextPatterns;
    private readonly int[] _contextOfRule;

    // The context patterns, then the genomics signals (bit _contextPatterns.Length): which may match a post's context.
    private readonly PatternPrefilter _contextWords;
    private Regex[] _titlePatterns;

    // Which title patterns a title's words allow: a title met once (a position number or ward in it) is tested against
    // the few patterns whose words it has, not all of them (PatternPrefilter, as for contexts).
    private readonly TitleWords _titleWords;
    private int _titlesDecided;
    private readonly int[] _titleOfRule;
    private const int CompileAfter = 1_000;
    // Keyed by the folded text (a title and its variants in case and punctuation share an entry), whose normalised form
    // is most often the key itself; the entry also keeps the value's title rules and place (FieldText).
    private readonly BoundedTextCache<FieldText> _normalised = new(FieldCacheLimit);
    private readonly FieldText _empty = new(string.Empty);

    // Tens of thousands of titles match a few hundred combinations of title patterns: each title keeps a shared mask,
    // found by which patterns it matched (one bit each, up to 64 patterns; the shipped rules have under 40), so that a
    // title met once (a position number in it) makes no mask of its own to find it. Past 64, by the mask itself.
    private readonly BoundedCache<ulong, RuleMask> _titleMasksByMatches = new(1_024);
    private readonly BoundedCache<RuleMask, RuleMask> _titleMasks = new(1_024);
    private readonly BoundedCache<string, StaffGroupFacts> _staffGroups = new(FieldCacheLimit);
    private readonly BoundedCache<string, OccupationFacts> _occupations = new(FieldCacheLimit);
    private readonly BoundedCache<string, GradeFacts> _gradeFacts = new(FieldCacheLimit);

    // The place patterns of the rules (Place) and exclusions (Place, Unless), each distinct one once: a file whose cost
    // centres hardly repeat decides a place per row, and the same few patterns recur across the rules.
    private readonly int[] _placeOfRule;
    private readonly int[] _placeOfExclusion;
    private readonly int[] _unlessOfExclusion;
    private Regex[] _placePatterns;
    private int _placesDecided;
    private Regex? _anyExclusionPlace;

    public FieldDecisions(IReadOnlyList<ScopeExclusion> exclusions, IReadOnlyList<MappingRule> rules, Regex genomicsSignals, TitleNormaliser titles, GradeCatalogue grades)
    {
        _exclusions = exclusions;
        _rules = rules;
        _genomicsSignals = Compiled(genomicsSignals);
        _titles = titles;
        _grades = grades;

        // Many rules share a context pattern ("(genetic|genomic)…"): each distinct one is tested at most once a post.
        var (contexts, contextOfRule) = Distinct(rules.Select(rule => rule.Context));
        _contextPatterns = [.. contexts.Select(Compiled)];
        _contextOfRule = contextOfRule;
        Regex[] contextsAndSignals = [.. _contextPatterns, _genomicsSignals];
        _contextWords = new PatternPrefilter(contextsAndSignals);

        // Titles are tested once per distinct title, but there are tens of thousands; rules that share a title pattern
        // ("\bcounsellor\b" decides five levels by grade) test it once.
        (_titlePatterns, _titleOfRule) = Distinct(rules.Select(rule => rule.Title));
        _titleWords = new TitleWords(_titlePatterns, contextsAndSignals, _contextWords);

        int[] places;
        (_placePatterns, places) = Distinct(rules.Select(rule => rule.Place).Concat(exclusions.Select(e => e.Place)).Concat(exclusions.Select(e => e.Unless)));
        _placeOfRule = places[..rules.Count];
        _placeOfExclusion = places[rules.Count..(rules.Count + exclusions.Count)];
        _unlessOfExclusion = places[(rules.Count + exclusions.Count)..];
        _anyExclusionPlace = AnyExclusionPlace();
    }

    /// <summary>The post's decision: the first exclusion that holds, else the first rule, else a fallback.</summary>
    public RoleDecision Decide(in MappingInput input, Trace? trace = null) => Decide(input, trace, scopeOnly: false)!;

    /// <summary>
    /// <see cref="Decide"/>'s decision when it takes the post in scope; null when it puts the post out of scope,
    /// without working out which exclusion or fallback does. The rules are tried first and the exclusions only for a
    /// post they take in, since an excluded post is out of scope whatever its rules say: a post met once (a cost centre
    /// per row) is mostly decided without its place being built or matched at all.
    /// </summary>
    public RoleDecision? DecideInScope(in MappingInput input) => Decide(input, null, scopeOnly: true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RoleDecision? Decide(in MappingInput input, Trace? trace, bool scopeOnly)
    {
        var titleText = Normalised(input.PositionTitle);
        var jobRoleText = Normalised(input.JobRole);
        var areaText = Normalised(input.AreaOfWork);
        var costCentreText = Normalised(input.CostCentre);
        var (title, jobRole, area, costCentre) = (titleText.Text, jobRoleText.Text, areaText.Text, costCentreText.Text);
        var staffGroup = _staffGroups.GetOrAdd(input.StaffGroup ?? string.Empty, static (raw, self) => self.StaffGroupOf(raw), this);
        var grade = _gradeFacts.GetOrAdd(input.Grade ?? string.Empty, static (raw, self) => self.GradeOf(raw), this);

        // A trace needs each place pattern's result, which the cache does not keep: it decides the place afresh, by the same code.
        PlaceFacts? place = trace is not null ? PlaceOf(area, costCentre, trace) : scopeOnly ? null : CachedPlace(areaText, costCentreText);
        if (!scopeOnly)
        {
            var excluded = RuleMask.FirstInBoth(place!.Exclusions, staffGroup.Exclusions);
            if (trace is not null)
            {
                (trace.Title, trace.JobRole, trace.Area, trace.CostCentre) = (title, jobRole, area, costCentre);
                (trace.Place, trace.StaffGroup, trace.Graded, trace.Excluded) = (place, staffGroup, grade, excluded);
                trace.Occupation = _occupations.GetOrAdd(input.OccupationCode ?? string.Empty, static (raw, self) => self.OccupationOf(raw), this);
            }

            if (excluded >= 0)
            {
                return grade.Decision(_rules.Count + excluded, static (i, self, g) => new RoleDecision(Role.OutOfScope, self._exclusions[i - self._rules.Count].ExclusionId, g), this);
            }
        }

        var effectiveTitle = title.Length > 0 ? titleText : jobRoleText;
        var titleRules = Volatile.Read(ref effectiveTitle.TitleRules) ?? (effectiveTitle.TitleRules = RulesByTitle(effectiveTitle));
        var occupation = _occupations.GetOrAdd(input.OccupationCode ?? string.Empty, static (raw, self) => self.OccupationOf(raw), this);
        if (trace is not null)
        {
            trace.TitleRules = titleRules;
        }

        // The context is written into a buffer and matched as a span: a post not seen before allocates nothing here.
        var length = PostContext.ContextLength(title, area, costCentre, jobRole);
        char[]? rented = null;
        var buffer = length <= 512 ? stackalloc char[length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length)).AsSpan(0, length);
        RoleDecision decision;
        try
        {
            Span<sbyte> tested = stackalloc sbyte[_contextPatterns.Length];
            var decided = -1;

            // Which patterns the context's words allow, from one scan once the context is written (null until then): a
            // pattern that needs a word the context lacks is false without being run (PatternPrefilter). The context is
            // written out only for a pattern that is run.
            ulong? possible = null;
            var written = false;

            // A rule's place is tested last, once every other field and its context have let the rule through
            // (PlaceFacts.RuleHolds): a place met once is matched only for the rules a decision reaches, and the context
            // patterns, plain word lists, reject most posts more cheaply than the place patterns that look ahead.
            for (var i = RuleMask.FirstInAll(titleRules, staffGroup.Rules, occupation.Rules, grade.Rules, 0); i >= 0; i = RuleMask.FirstInAll(titleRules, staffGroup.Rules, occupation.Rules, grade.Rules, i + 1))
            {
                var pattern = _contextOfRule[i];
                if (pattern >= 0 && tested[pattern] == 0)
                {
                    possible ??= ContextWords(buffer, ref written, titleText, areaText, costCentreText, jobRoleText);
                    tested[pattern] = PatternPrefilter.MayMatch(possible.Value, pattern) && _contextPatterns[pattern].IsMatch(Written(buffer, ref written, title, area, costCentre, jobRole)) ? (sbyte)1 : (sbyte)-1;
                }

                // A rule that reads no place needs none built: most posts a rule puts out of scope (a porter, a nurse
                // outside genomics) are decided without their place.
                if ((pattern < 0 || tested[pattern] > 0) && (_placeOfRule[i] < 0 || (place ??= CachedPlace(areaText, costCentreText)).RuleHolds(i)))
                {
                    decided = i;
                    break;
                }
            }

            if (decided >= 0)
            {
                trace?.Decided(decided, tested);
                decision = grade.Decision(decided, static (i, self, g) => new RoleDecision(self._rules[i].RoleCode, self._rules[i].RuleId, g), this);
            }
            else
            {
                possible ??= ContextWords(buffer, ref written, titleText, areaText, costCentreText, jobRoleText);
                var signals = PatternPrefilter.MayMatch(possible.Value, _contextPatterns.Length) && _genomicsSignals.IsMatch(Written(buffer, ref written, title, area, costCentre, jobRole));
                var fallback = _rules.Count + _exclusions.Count + (signals ? 0 : 1);
                trace?.Decided(-1, tested);
                decision = grade.Decision(fallback, static (i, self, g) => i == self._rules.Count + self._exclusions.Count
                    ? new RoleDecision(Role.Unmapped, RoleDecision.DefaultUnmappedRule, g)
                    : new RoleDecision(Role.OutOfScope, RoleDecision.DefaultOutOfScopeRule, g), this);
            }
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }

        // Scope only: the exclusions, tried first above, are tried now, and only for a post the rules take in.
        return !scopeOnly ? decision
            : !decision.IsInScope ? null
            : RuleMask.FirstInBoth((place ??= CachedPlace(areaText, costCentreText)).Exclusions, staffGroup.Exclusions) >= 0 ? null
            : decision;
    }

    /// <summary>
    /// The patterns the post's context allows: its parts' words, each worked out once per value, when no word can span
    /// two parts (<see cref="PatternPrefilter.WordsStayInParts"/>); otherwise a scan of the context, written out for it.
    /// Most posts (a porter, a nurse outside genomics) are decided by these bits alone, without their context written.
    /// </summary>
    private ulong ContextWords(Span<char> buffer, ref bool written, FieldText title, FieldText area, FieldText costCentre, FieldText jobRole) =>
        _contextWords.WordsStayInParts
            ? title.ContextWords(_contextWords) | area.ContextWords(_contextWords) | costCentre.ContextWords(_contextWords) | jobRole.ContextWords(_contextWords)
            : _contextWords.Possible(Written(buffer, ref written, title.Text, area.Text, costCentre.Text, jobRole.Text));

    /// <summary>The context, written into the buffer the first time it is needed.</summary>
    private static Span<char> Written(Span<char> buffer, ref bool written, string title, string area, string costCentre, string jobRole)
    {
        if (!written)
        {
            PostContext.WriteContext(buffer, title, area, costCentre, jobRole);
            written = true;
        }

        return buffer;
    }

    /// <summary>
    /// The place of an area and a cost centre, kept on the cost centre's entry (on the area's when there is no cost
    /// centre): a cost centre mostly belongs to one department, so it is read with the same area row after row. A kept
    /// place is used only for the area and cost centre it was made with (one text can be an area in one row and a cost
    /// centre in another, and the entries are shared by every field); otherwise the place is made again and replaces it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private PlaceFacts CachedPlace(FieldText area, FieldText costCentre)
    {
        var holder = costCentre.Text.Length > 0 ? costCentre : area;
        if (Volatile.Read(ref holder.Place) is { } kept
            && string.Equals(kept.Area, area.Text, StringComparison.Ordinal)
            && string.Equals(kept.CostCentre, costCentre.Text, StringComparison.Ordinal))
        {
            return kept;
        }

        return holder.Place = PlaceOf(area.Text, costCentre.Text, null);
    }

    private static Regex Compiled(Regex r) => new(r.ToString(), r.Options | RegexOptions.Compiled, r.MatchTimeout);

    /// <summary>The distinct patterns among <paramref name="patterns"/>, and for each one given its index there (-1 for none).</summary>
    private static (Regex[] Distinct, int[] IndexOf) Distinct(IEnumerable<Regex?> patterns)
    {
        var distinct = new List<Regex>();
        var indexes = patterns.Select(pattern =>
        {
            if (pattern is null)
            {
                return -1;
            }

            var index = distinct.FindIndex(p => p.ToString() == pattern.ToString() && p.Options == pattern.Options);
            if (index < 0)
            {
                distinct.Add(pattern);
                index = distinct.Count - 1;
            }

            return index;
        }).ToArray();
        return ([.. distinct], indexes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private FieldText Normalised(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return _empty;
        }

        // Folded in a buffer and looked up by its characters: a value met before costs no string. Normalising folds
        // first, and folding is idempotent, so the folded text decides the normalised one, and a value met for the first
        // time is normalised from its folded text (NormaliseFolded) rather than folded again.
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var folded = buffer[..TitleText.Fold(text, buffer)];
        return folded.IsEmpty ? _empty : _normalised.GetOrAdd(folded, static (key, titles) => new FieldText(titles.NormaliseFolded(key)), _titles);
    }

    private RuleMask RulesByTitle(FieldText title)
    {
        var effectiveTitle = title.Text;

        // As with places: compiled once a file has shown many titles (titles with wards and sites hardly repeat).
        if (Interlocked.Increment(ref _titlesDecided) == CompileAfter)
        {
            _titlePatterns = [.. _titlePatterns.Select(Compiled)];
        }

        // The two loops below are written out: a local function for their shared test, beside the lambda that captures
        // `matches`, made a closure object per title (22 MB more allocated on 1.4 million titles met once).
        var patterns = _titlePatterns;
        var possible = _titleWords.Possible(title);
        if (patterns.Length > 64)
        {
            var matches = new bool[patterns.Length];
            for (var p = 0; p < patterns.Length; p++)
            {
                matches[p] = PatternPrefilter.MayMatch(possible, p) && patterns[p].IsMatch(effectiveTitle);
            }

            return _titleMasks.GetOrAdd(RuleMask.Where(_rules.Count, i => _titleOfRule[i] < 0 || matches[_titleOfRule[i]]), static (mask, _) => mask, 0);
        }

        var matched = 0UL;
        for (var p = 0; p < patterns.Length; p++)
        {
            if (PatternPrefilter.MayMatch(possible, p) && patterns[p].IsMatch(effectiveTitle))
            {
                matched |= 1UL << p;
            }
        }

        return _titleMasksByMatches.GetOrAdd(
            matched,
            static (bits, self) => RuleMask.Where(self._rules.Count, i => self._titleOfRule[i] < 0 || (bits & (1UL << self._titleOfRule[i])) != 0),
            this);
    }

    private StaffGroupFacts StaffGroupOf(string raw)
    {
        var folded = TitleText.Fold(raw);
        return new StaffGroupFacts(
            folded,
            RuleMask.Where(_rules.Count, i => _rules[i].StaffGroupHolds(folded)),
            RuleMask.Where(_exclusions.Count, i => _exclusions[i].StaffGroupHolds(folded)));
    }

    private OccupationFacts OccupationOf(string raw)
    {
        var code = raw.Trim().ToUpperInvariant();
        return new OccupationFacts(code, RuleMask.Where(_rules.Count, i => _rules[i].OccupationCodeHolds(code)));
    }

    private GradeFacts GradeOf(string raw)
    {
        var grade = _grades.Parse(raw);
        return new GradeFacts(grade, RuleMask.Where(_rules.Count, i => _rules[i].GradeHolds(grade)), _rules.Count + _exclusions.Count + 2);
    }

    internal sealed record StaffGroupFacts(string Folded, RuleMask Rules, RuleMask Exclusions);

    internal sealed record OccupationFacts(string Code, RuleMask Rules);

    /// <summary>
    /// What one call of <see cref="Decide"/> found, for `staffdata explain`: the fields as normalised, which rules and
    /// exclusions each field let through, each place and context pattern's result, and the exclusion or rule that
    /// decided. It answers questions about the decision; it decides nothing.
    /// </summary>
    internal sealed class Trace(FieldDecisions owner)
    {
        private sbyte[] _contextTested = [];

        public string Title { get; set; } = string.Empty;

        public string JobRole { get; set; } = string.Empty;

        public string Area { get; set; } = string.Empty;

        public string CostCentre { get; set; } = string.Empty;

        /// <summary>The exclusion that decided, or -1.</summary>
        public int Excluded { get; set; } = -1;

        /// <summary>The rule that decided, or -1 (an exclusion or the fallback decided).</summary>
        public int Rule { get; private set; } = -1;

        public string EffectiveTitle => Title.Length > 0 ? Title : JobRole;

        public string StaffGroupText => StaffGroup?.Folded ?? string.Empty;

        public string OccupationCode => Occupation?.Code ?? string.Empty;

        public Grade GradeRead => Graded!.Grade;

        internal PlaceFacts? Place { get; set; }

        internal StaffGroupFacts? StaffGroup { get; set; }

        internal OccupationFacts? Occupation { get; set; }

        internal GradeFacts? Graded { get; set; }

        internal RuleMask? TitleRules { get; set; }

        internal sbyte[] PlaceTested { get; set; } = [];

        public bool ExclusionPlaceHeld(int j) => PatternHeld(PlaceTested, owner._placeOfExclusion[j]);

        /// <summary>Whether the exclusion's Unless names the place (read only once its place held, as the decision reads it).</summary>
        public bool ExclusionUnlessHeld(int j) => owner._unlessOfExclusion[j] >= 0 && PatternHeld(PlaceTested, owner._unlessOfExclusion[j]);

        public bool ExclusionStaffGroupHeld(int j) => StaffGroup!.Exclusions.Contains(j);

        public bool TitleHeld(int i) => TitleRules!.Contains(i);

        public bool PlaceHeld(int i) => Place!.RuleHolds(i);

        public bool StaffGroupHeld(int i) => StaffGroup!.Rules.Contains(i);

        public bool OccupationHeld(int i) => Occupation!.Rules.Contains(i);

        public bool GradeHeld(int i) => Graded!.Rules.Contains(i);

        /// <summary>Whether the rule's context pattern matched; read only for a rule every other condition let through, the ones the decision tested.</summary>
        public bool ContextHeld(int i) => PatternHeld(_contextTested, owner._contextOfRule[i]);

        internal void Decided(int rule, ReadOnlySpan<sbyte> contextTested)
        {
            Rule = rule;
            _contextTested = contextTested.ToArray();
        }

        private static bool PatternHeld(sbyte[] tested, int pattern) => pattern < 0 || (pattern < tested.Length && tested[pattern] > 0);
    }

    /// <summary>
    /// A grade, the rules it lets through, and the decisions reached at that grade, made once each: a decision is
    /// immutable, and a file of a million distinct posts needs no million decision objects. Positions: the rules,
    /// then the exclusions, then the two fallbacks (unmapped, out of scope).
    /// </summary>
    internal sealed class GradeFacts(Grade grade, RuleMask rules, int outcomes)
    {
        private readonly RoleDecision?[] _decisions = new RoleDecision?[outcomes];

        public Grade Grade { get; } = grade;

        public RuleMask Rules { get; } = rules;

        public RoleDecision Decision(int outcome, Func<int, FieldDecisions, Grade, RoleDecision> create, FieldDecisions decisions) =>
            Volatile.Read(ref _decisions[outcome]) ?? (_decisions[outcome] = create(outcome, decisions, Grade));
    }
}
