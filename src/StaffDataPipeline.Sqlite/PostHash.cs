using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Sqlite;

/// <summary>
/// dim_position.post_hash: a 64-bit FNV-1a hash of a post's seven descriptors (their UTF-16 code units, each followed by
/// a separator no descriptor holds), so that a load finds a post through a small integer index instead of a unique
/// index over seven texts. The hash only narrows the search: the descriptors are compared too, so a collision costs a
/// comparison, never a wrong key. It is stored, so it must never change: a test holds known values.
/// </summary>
internal static class PostHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static long Of(PostDescriptors post) =>
        Of(post.PositionTitle, post.StaffGroup, post.OccupationCode, post.AreaOfWork, post.JobRole, post.CostCentre, post.GradeAsWritten);

    public static long Of(string title, string staffGroup, string occupationCode, string areaOfWork, string jobRole, string costCentre, string gradeAsWritten)
    {
        var hash = Offset;
        hash = Add(hash, title);
        hash = Add(hash, staffGroup);
        hash = Add(hash, occupationCode);
        hash = Add(hash, areaOfWork);
        hash = Add(hash, jobRole);
        hash = Add(hash, costCentre);
        hash = Add(hash, gradeAsWritten);
        return unchecked((long)hash);
    }

    private static ulong Add(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * Prime);
        }

        // The unit separator ends each descriptor, so that ("ab", "c") and ("a", "bc") hash apart.
        return unchecked((hash ^ 0x1F) * Prime);
    }
}
