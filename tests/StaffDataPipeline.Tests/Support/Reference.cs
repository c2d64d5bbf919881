using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.ReferenceData;

namespace StaffDataPipeline.Tests.Support;

/// <summary>The shipped reference data, loaded once for the whole test run.</summary>
internal static class Reference
{
    private static readonly Lazy<ReferenceDataSet> Shipped = new(() => ReferenceDataLoader.Load(Repository.ReferenceData));

    public static ReferenceDataSet Data => Shipped.Value;

    /// <summary>The shipped reference data read again: a mapper whose caches nothing else has filled.</summary>
    public static ReferenceDataSet Fresh() => ReferenceDataLoader.Load(Repository.ReferenceData);
}
