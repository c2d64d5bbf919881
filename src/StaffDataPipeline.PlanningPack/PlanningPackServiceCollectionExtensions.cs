using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StaffDataPipeline.Planning.Pack;
using StaffDataPipeline.PlanningPack.Html;
using StaffDataPipeline.PlanningPack.Xlsx;

namespace StaffDataPipeline.PlanningPack;

/// <summary>
/// The planning pack's writers register themselves (as the warehouses do): every <see cref="IPackWriter"/> this
/// adapter offers, so a host picks one by <see cref="IPackWriter.Extension"/>. Singletons: a writer holds no state.
/// </summary>
public static class PlanningPackServiceCollectionExtensions
{
    public static IServiceCollection AddPlanningPackWriters(this IServiceCollection services)
    {
        // TryAddEnumerable: registering twice (a host and a test both calling this) still gives one writer per format.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPackWriter, XlsxPackWriter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPackWriter, HtmlPackWriter>());
        return services;
    }
}
