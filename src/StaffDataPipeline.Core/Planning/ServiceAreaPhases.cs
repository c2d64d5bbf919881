using StaffDataPipeline.Surveys;

namespace StaffDataPipeline.Planning;

/// <summary>
/// The Genomic Medicine Service's phases by service area: phase one is rare disease and inherited cancer, phase two the
/// cancer arm (somatic: solid tumours and haemato-oncology). A return for "all" service areas is Unspecified and in no phase.
/// </summary>
public static class ServiceAreaPhases
{
    public const string PhaseOne = "phase one";
    public const string PhaseTwo = "phase two";
    public const string NotStated = "not stated";

    /// <summary>The warehouse code of a service area name as the returns and dim_service_area give it.</summary>
    public static string CodeOf(string serviceArea) => ServiceAreas.Parse(serviceArea) ?? ServiceAreas.Unspecified;

    public static string PhaseOf(string code) => code switch
    {
        ServiceAreas.RareDisease or ServiceAreas.InheritedCancer => PhaseOne,
        ServiceAreas.CancerSomatic => PhaseTwo,
        _ => NotStated,
    };

    public static string NameOf(string code) => code switch
    {
        ServiceAreas.RareDisease => "Rare disease",
        ServiceAreas.InheritedCancer => "Inherited cancer",
        ServiceAreas.CancerSomatic => "Cancer (somatic)",
        _ => "Unspecified",
    };
}
