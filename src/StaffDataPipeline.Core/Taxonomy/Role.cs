namespace StaffDataPipeline.Taxonomy;

/// <summary>A code of the genomics role taxonomy: the product's contract with analysts.</summary>
public sealed record Role(string Code, string Name, string Family, string TypicalGrade)
{
    public const string OutOfScope = "OUT-OF-SCOPE";
    public const string Unmapped = "UNMAPPED";

    public bool IsInScope => Code != OutOfScope;
}
