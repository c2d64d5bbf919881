using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StaffDataPipeline.Csv.Esr;
using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.Excel.Reading;
using StaffDataPipeline.Excel.Safety;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.People;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.PlanningPack;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Hosting;

/// <summary>Wires the pipeline from configuration. Hosts (CLI, scheduler, benchmark, tests) all compose through here.</summary>
public static class StaffDataServices
{
    /// <summary>Builds a provider for one command: <see cref="AddStaffDataPipeline"/> on a fresh service collection.</summary>
    public static ServiceProvider Build(IConfiguration configuration, TimeProvider? time = null) =>
        new ServiceCollection().AddStaffDataPipeline(configuration, time).BuildServiceProvider();

    /// <summary>
    /// Binds and validates the settings (a wrong one throws <see cref="SettingsException"/> naming it, before anything
    /// is read) and registers the pipeline with the warehouse the settings choose.
    /// </summary>
    public static IServiceCollection AddStaffDataPipeline(this IServiceCollection services, IConfiguration configuration, TimeProvider? time = null)
    {
        var warehouse = WarehouseProviders.Configure(configuration);
        var reference = SettingsBinder.Bind<ReferenceDataSettings>(configuration, "ReferenceData");
        var pseudonymisation = SettingsBinder.Bind<PseudonymisationSettings>(configuration, "Pseudonymisation");
        var load = SettingsBinder.Bind<LoadSettings>(configuration, "Load");
        var snapshot = configuration["Load:Snapshot"];
        var loadOptions = new LoadOptions
        {
            RejectThreshold = load.RejectThreshold,
            Parallelism = load.Parallelism,
            ShrinkThreshold = load.ShrinkThreshold,
            AcceptShrink = load.AcceptShrink,
            Encoding = string.IsNullOrWhiteSpace(load.Encoding) ? null : load.Encoding,
            EncodingBySource = load.EncodingBySource,
            Snapshot = string.IsNullOrWhiteSpace(snapshot) ? null : Normalisation.TextValues.TryMonth(snapshot, out var month) ? month : throw new SettingsException([$"--snapshot '{snapshot}' is not a month (yyyy-mm or yyyymm)."]),
        };
        var errors = SettingsValidator.Validate(warehouse, reference, loadOptions);
        if (errors.Count > 0)
        {
            throw new SettingsException(errors);
        }

        var stackTraces = string.Equals(configuration["Logging:StackTraces"], "true", StringComparison.OrdinalIgnoreCase);
        services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).AddFilter("DbUp", LogLevel.Warning)
            .AddConsole(o => o.FormatterName = Logging.SentenceConsoleFormatter.FormatterName)
            .AddConsoleFormatter<Logging.SentenceConsoleFormatter, Logging.SentenceFormatterOptions>(o => o.StackTraces = stackTraces));
        services.AddLogging(b => b.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o =>
        {
            o.LogToStandardErrorThreshold = LogLevel.Trace;
            o.FormatterName = Logging.SentenceConsoleFormatter.FormatterName;
        }));
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton(loadOptions);
        // Scoped: a long-running host resolves a scope per job, so an edit to the reference data takes effect at the
        // next load without a restart (the cache reads the folder again when a file changed), and the taxonomy version
        // recorded is the one that job used.
        services.AddSingleton(new ReferenceDataCache(reference.Resolve()));
        services.AddScoped(sp => sp.GetRequiredService<ReferenceDataCache>().Current());
        services.AddScoped(sp => sp.GetRequiredService<ReferenceDataSet>().Mapper);
        var location = warehouse.Location;
        services.AddSingleton(sp => new WarehouseKeyGuard(new PseudonymisationKeySource(), pseudonymisation.Key, pseudonymisation.KeyFile, location, sp.GetRequiredService<ILogger<WarehouseKeyGuard>>()));
        var surveys = SettingsBinder.Bind<SurveySettings>(configuration, "Surveys");
        services.AddScoped(sp => new ExtractorRegistry()
            .Add(new EsrCsvExtractor(sp.GetRequiredService<ReferenceDataSet>().Aliases))
            .Add(new EsrWorkbookExtractor(sp.GetRequiredService<ReferenceDataSet>().Aliases, sp.GetRequiredService<ReferenceDataSet>().SurveyAliases))
            .Add(new ExcelSurveyExtractor(sp.GetRequiredService<ReferenceDataSet>().SurveyAliases, new WorkbookLimits { AllowMacros = surveys.AllowMacros, MaxFileBytes = surveys.MaxFileBytes })));
        // Each adapter registers its own seams (Add…Warehouse); the provider the settings name says which.
        warehouse.Register(services);

        // The plan stage: reads, runs the model and records the run on the configured provider.
        services.AddScoped(sp =>
        {
            var data = sp.GetRequiredService<ReferenceDataSet>();
            return new StaffDataPipeline.Planning.PlanStage(
                sp.GetRequiredService<StaffDataPipeline.Planning.IPlanningSource>(), sp.GetRequiredService<StaffDataPipeline.Planning.IPlanRunStore>(),
                data.PlanningAssumptions, data.Taxonomy, new StaffDataPipeline.Planning.PlanningGeography(data.Organisations.All), sp.GetRequiredService<TimeProvider>());
        });

        // The planning pack: content from Core, facts from the warehouse, the writers (workbook and page) from their adapter.
        services.AddPlanningPackWriters();
        services.AddSingleton(sp => new Packs.PackFiles(sp.GetServices<StaffDataPipeline.Planning.Pack.IPackWriter>()));
        services.AddScoped(sp => new PlanningPackService(
            sp.GetRequiredService<StaffDataPipeline.Planning.Pack.IPackSource>(), sp.GetRequiredService<Packs.PackFiles>(), sp.GetRequiredService<ReferenceDataSet>()));

        services.AddScoped<Packs.PackPublisher>();
        services.AddScoped<LoadPipeline>();
        services.AddScoped<TitleOverrideEditor>();
        services.AddSingleton(warehouse);
        services.AddSingleton(reference);
        services.AddSingleton(new WarehouseLocation(location));
        services.AddSingleton(new ReferenceDataLocation(reference.Resolve()));
        return services;
    }
}

/// <summary>The reference data folder in use, for commands that add to the team's files.</summary>
public sealed record ReferenceDataLocation(string Folder)
{
    /// <summary>True when no folder was configured and the copy shipped next to the program is in use.</summary>
    public bool IsShippedCopy => string.Equals(
        Path.GetFullPath(Folder).TrimEnd(Path.DirectorySeparatorChar),
        Path.GetFullPath(new ReferenceDataSettings().Resolve()).TrimEnd(Path.DirectorySeparatorChar),
        StringComparison.Ordinal);

    /// <summary>
    /// The folder a command may add to, or null with the sentence saying why not: the shipped copy is replaced by every
    /// build and update, so an edit there would be lost without a word (and never reach version control).
    /// </summary>
    public (string? Folder, string? Problem) Writable() => IsShippedCopy
        ? (null, $"The reference data in use is the copy shipped with the program ({Folder}), which the next build or update replaces, so a change there would be lost: point ReferenceData:Path (or --reference-data) at the team's own folder, e.g. src/reference-data in the repository, and run the command again.")
        : (Folder, null);
}

/// <summary>Where the warehouse is, for messages.</summary>
public sealed record WarehouseLocation(string Description);

/// <summary>Configuration is wrong; each message names the setting.</summary>
public sealed class SettingsException : Exception
{
    public SettingsException(IReadOnlyList<string> errors)
        : base(string.Join(Environment.NewLine, errors)) => Errors = errors;

    public SettingsException()
        : this([])
    {
    }

    public SettingsException(string message)
        : this([message])
    {
    }

    public SettingsException(string message, Exception innerException)
        : base(message, innerException) => Errors = [message];

    public IReadOnlyList<string> Errors { get; }
}
