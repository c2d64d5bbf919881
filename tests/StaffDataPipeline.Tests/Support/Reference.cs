using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.ReferenceData;

namespace StaffDataPipeline.Tests.Support;

/// <summary>The shipped reference data, loaded once for the whole test run.</summary>
internal static class Reference
{
    private static readonly Lazy<ReferenceDataSet> Shipped = new(() => ReferenceDataLoader.Load(Repository.ReferenceData));

    public static ReferenceDataSet Data => Shipped.Value;
}
