using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Surveys;

/// <summary>The service areas of the Genomic Medicine Service as the warehouse codes them.</summary>
public static class ServiceAreas
{
    public const string RareDisease = "RARE-DISEASE";
    public const string InheritedCancer = "INHERITED-CANCER";
    public const string CancerSomatic = "CANCER-SOMATIC";
    public const string Unspecified = "UNSPECIFIED";

    public static string? Parse(string? text) => TitleText.Fold(text) switch
    {
        "rare disease" or "rare diseases" or "rd" => RareDisease,
        "inherited cancer" or "inherited cancers" or "cancer inherited" or "hereditary cancer" or "ic" => InheritedCancer,
        "cancer somatic" or "somatic cancer" or "cancer" or "cancer tumour" or "tumour" => CancerSomatic,
        "unspecified" or "all" or "not specified" => Unspecified,
        _ => null,
    };
}
