using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// One line of title-overrides.csv: the workforce team's choice of role for one exact title, made by picking a role
/// rather than writing a pattern. An override is a mapping rule with a single condition (the whole title, as the
/// rules see it after normalising) placed before every rule in mapping-rules.csv and after the scope exclusions, so
/// that `explain`, the load, `remap` and survey lines all apply it the same way, and a post whose place is out of scope
/// stays out of scope.
/// </summary>
public sealed record TitleOverride(string Title, string RoleCode, string Note, string SourceFile, int SourceLine)
{
    /// <summary>"OVR-" and 8 hex digits of the normalised title: stable when lines are added, moved or removed.</summary>
    public static string RuleIdOf(string normalisedTitle) =>
        "OVR-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalisedTitle)))[..8];

    /// <summary>The rule this override is: the whole normalised title, nothing else.</summary>
    public MappingRule ToRule(TitleNormaliser titles, TimeSpan regexTimeout)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var normalised = titles.Normalise(Title);
        var pattern = new Regex($"^{Regex.Escape(normalised)}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, regexTimeout);
        return new MappingRule(RuleIdOf(normalised), RoleCode, pattern, null, null, null, null, null, SourceFile, SourceLine);
    }
}
