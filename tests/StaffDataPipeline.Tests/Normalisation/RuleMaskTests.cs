using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Tests.Normalisation;

/// <summary>Titles share their rule masks (FieldDecisions.RulesByTitle): masks with the same rules set are equal, others not.</summary>
public sealed class RuleMaskTests
{
    [Fact]
    public void Masks_are_equal_when_the_same_rules_are_set()
    {
        var evens = RuleMask.Where(130, i => i % 2 == 0);
        var alsoEvens = RuleMask.Where(130, i => i % 2 == 0);
        var lastDiffers = RuleMask.Where(130, i => i % 2 == 0 || i == 129);

        Assert.Equal(evens, alsoEvens);
        Assert.Equal(evens.GetHashCode(), alsoEvens.GetHashCode());
        Assert.NotEqual(evens, lastDiffers);
        Assert.False(evens.Equals(null));
    }
}
