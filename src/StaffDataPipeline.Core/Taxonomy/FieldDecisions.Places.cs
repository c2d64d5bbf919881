using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// Places (area of work and cost centre) as the rules and exclusions read them. A file whose cost centres hardly
/// repeat decides a place per row, so a place costs as little as the decision allows: the exclusions' Place patterns
/// are first scanned for all at once (most places match none of them), and a rule's Place pattern is matched only when
/// the decision reaches that rule, every other field having let it through.
/// </summary>
internal sealed partial class FieldDecisions
{
    /// <summary>
    /// As <see cref="MappingRule.PlaceHolds"/> and <see cref="ScopeExclusion.PlaceHolds"/> decide, with each distinct
    /// pattern matched at most once (and an exclusion's Unless only when its Place held, as there). After
    /// <see cref="CompileAfter"/> distinct places the patterns are compiled: worth its start-up cost only to a file
    /// of many places. With a trace every pattern is matched now, so that `staffdata explain` can show each.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private PlaceFacts PlaceOf(string area, string costCentre, Trace? trace)
    {
        if (trace is null && Interlocked.Increment(ref _placesDecided) == CompileAfter)
        {
            _placePatterns = [.. _placePatterns.Select(Compiled)];
            _anyExclusionPlace = _anyExclusionPlace is { } any ? Compiled(any) : null;
        }

        var facts = new PlaceFacts(this, area, costCentre, PostContext.Place(area, costCentre));
        if (trace is not null)
        {
            // The exclusions first, as the decision reads them, then every rule's place, so the trace shows both.
            _ = facts.Exclusions;
            facts.MatchAll();
            trace.PlaceTested = facts.Tested;
        }

        return facts;
    }

    /// <summary>
    /// One pattern that matches a place exactly when the Place pattern of at least one exclusion does; null when the
    /// patterns cannot safely be joined as alternatives: they differ in options, or one could read differently inside
    /// an alternation (a back-reference or a conditional naming a group by number, which the alternation renumbers; free
    /// spacing, whose comment would swallow the alternatives after it). Interpreted until the place patterns are compiled.
    /// </summary>
    private Regex? AnyExclusionPlace()
    {
        var patterns = _placeOfExclusion.Where(i => i >= 0).Distinct().Select(i => _placePatterns[i]).ToList();
        if (patterns.Count < 2 || patterns.Any(p => p.Options != patterns[0].Options || (p.Options & RegexOptions.IgnorePatternWhitespace) != 0 || Unjoinable.IsMatch(p.ToString())))
        {
            return null;
        }

        try
        {
            return new Regex(string.Join('|', patterns.Select(p => $"(?:{p})")), patterns[0].Options, patterns[0].MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // A back-reference (\1, \k<name>, \<1>, \'1'), a conditional ((?(...)), an inline option turning on free spacing
    // ((?x), (?ix:)), or a comment (#).
    private static readonly Regex Unjoinable = new(@"\\[1-9]|\\k|\\<|\\'|\(\?\(|\(\?[imnsx-]*x|#", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>
    /// One place: which exclusions it lets through and each Place pattern's result, each worked out when first asked
    /// for. A cached place is shared between threads; a result written twice is the same result.
    /// </summary>
    internal sealed class PlaceFacts
    {
        private readonly FieldDecisions _owner;
        private readonly string _place;
        private readonly Regex[] _patterns;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public PlaceFacts(FieldDecisions owner, string area, string costCentre, string place)
        {
            _owner = owner;
            Area = area;
            CostCentre = costCentre;
            _place = place;
            _patterns = owner._placePatterns;
            Tested = new sbyte[_patterns.Length];
        }

        /// <summary>
        /// The exclusions whose Place holds here and whose Unless does not, matched when first asked for (a load asks
        /// only for a post its rules take in). Two threads asking at once both match, and find the same.
        /// </summary>
        public RuleMask Exclusions => Volatile.Read(ref _exclusions) ?? (_exclusions = MatchExclusions());

        private RuleMask? _exclusions;

        /// <summary>The area of work the place was made with (normalised).</summary>
        public string Area { get; }

        /// <summary>The cost centre the place was made with (normalised; empty for none).</summary>
        public string CostCentre { get; }

        /// <summary>Each distinct place pattern: 1 matched, -1 did not, 0 not matched yet.</summary>
        public sbyte[] Tested { get; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool RuleHolds(int rule) => _owner._placeOfRule[rule] is var pattern && (pattern < 0 || Holds(pattern));

        /// <summary>Matches every pattern not matched yet (for a trace).</summary>
        public void MatchAll()
        {
            for (var rule = 0; rule < _owner._rules.Count; rule++)
            {
                _ = RuleHolds(rule);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private RuleMask MatchExclusions()
        {
            if (_owner._anyExclusionPlace is { } any && !any.IsMatch(_place))
            {
                // No exclusion's Place matches: known without matching them one by one. A pattern a rule already
                // matched keeps its own result.
                foreach (var pattern in _owner._placeOfExclusion)
                {
                    if (pattern >= 0 && Tested[pattern] == 0)
                    {
                        Tested[pattern] = -1;
                    }
                }
            }

            return RuleMask.Where(_owner._exclusions.Count, ExclusionHolds);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool ExclusionHolds(int i) =>
            (_owner._placeOfExclusion[i] < 0 || Holds(_owner._placeOfExclusion[i])) && (_owner._unlessOfExclusion[i] < 0 || !Holds(_owner._unlessOfExclusion[i]));

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool Holds(int pattern)
        {
            if (Tested[pattern] == 0)
            {
                Tested[pattern] = _patterns[pattern].IsMatch(_place) ? (sbyte)1 : (sbyte)-1;
            }

            return Tested[pattern] > 0;
        }
    }
}
