namespace StaffDataPipeline.Planning.Pack;

/// <summary>
/// A skill-mix ratio the pack shows for each unit beside England's: FTE in post today in the numerator roles per FTE in
/// the denominator roles (ESR, the data-as-of snapshot). The list is the examples plus genomic practitioners,
/// the new role a skill-mix scenario shifts counsellor work to; trainees are left out of both sides.
/// </summary>
public sealed record SkillMixRatio(string Name, IReadOnlyList<string> Numerator, IReadOnlyList<string> Denominator)
{
    public static IReadOnlyList<SkillMixRatio> Standard { get; } =
    [
        new("Genetic counsellors per consultant clinical geneticist", ["GC-CONS", "GC-PRINCIPAL", "GC"], ["MED-CG-CONS"]),
        new("Laboratory practitioners and associates per clinical scientist", ["LAB-PRACT", "LAB-ASSOC"], ["LAB-CS-CONS", "LAB-CS-PRINCIPAL", "LAB-CS"]),
        new("Genomic practitioners per genetic counsellor", ["GEN-PRACT"], ["GC-CONS", "GC-PRINCIPAL", "GC"]),
        new("Clinical bioinformaticians per clinical scientist", ["BIOINF-CS-CONS", "BIOINF-CS"], ["LAB-CS-CONS", "LAB-CS-PRINCIPAL", "LAB-CS"]),
    ];
}
