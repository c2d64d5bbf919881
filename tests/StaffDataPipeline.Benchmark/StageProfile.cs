using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;
using StaffDataPipeline.Hosting;
using StaffDataPipeline.Normalisation;
using StaffDataPipeline.People;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Benchmark;

/// <summary>
/// Where a load's time goes, stage by stage. Each pass over the file adds one stage to the last (read; + parse;
/// + map; + validate and pseudonymise, as a dry run), so a stage's time is the difference between two passes; the
/// write and commit stages are timed inside a real load through a decorated warehouse. Runs in one process after a
/// warm-up pass, so the figures are steady-state costs, on one thread; the end-to-end figure of a fresh process, which
/// normalises on several, is measured apart.
/// </summary>
internal static class StageProfile
{
    public sealed record Stage(string Name, double Seconds, double? AllocatedMb = null);

    public static async Task<IReadOnlyList<Stage>> MeasureAsync(string file, string db)
    {
        Sqlite3Import.Delete(db);

        var timer = new WriteTimer();
        var services = new ServiceCollection().AddStaffDataPipeline(Configuration(db));
        var inner = services.Last(s => s.ServiceType == typeof(IWarehouse));
        services.AddScoped<IWarehouse>(sp => new TimedWarehouse((IWarehouse)inner.ImplementationFactory!.Invoke(sp), timer));
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var reference = scope.ServiceProvider.GetRequiredService<ReferenceDataSet>();
        var extractors = scope.ServiceProvider.GetRequiredService<ExtractorRegistry>();
        var pipeline = scope.ServiceProvider.GetRequiredService<LoadPipeline>();

        // One pass first, so that every pass after it runs jitted code against warm caches (field decisions, page cache).
        var source = SourceFileReader.Inspect(file);
        Pass(source, extractors, reference, map: true);
        var (read, readMb) = Measure(() => SourceFileReader.Inspect(file));
        var (parse, parseMb) = Measure(() => Pass(source, extractors, reference, map: false));
        var (map, mapMb) = Measure(() => Pass(source, extractors, reference, map: true));
        var dry = await TimeAsync(() => pipeline.RunAsync([file], dryRun: true, null, CancellationToken.None));
        var load = await TimeAsync(() => pipeline.RunAsync([file], dryRun: false, null, CancellationToken.None));
        var pseudonymise = PseudonymiseTime(timer.Rows);
        return
        [
            new("read (SHA-256 of the file before loading; UTF-8 check when there is no BOM)", read, readMb),
            new("parse (CSV records; the fields the loader reads)", parse, parseMb),
            new("map (assignment status and contract; role decision)", map - parse, mapMb - parseMb),
            new("validate (types, ranges) of the rows in scope, and the load's own bookkeeping", dry - read - map - pseudonymise),
            new("pseudonymise (two keyed hashes a stored row)", pseudonymise),
            new("write (facts, people, posts: one statement each a row)", timer.Write.Elapsed.TotalSeconds),
            new("commit (duplicates, supersede, audit, commit)", timer.Commit.Elapsed.TotalSeconds),
            new("end to end, one warm process", load),
        ];
    }

    private static IConfiguration Configuration(string db) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Warehouse:SqlitePath"] = db,
        ["Pseudonymisation:Key"] = Convert.ToBase64String(new byte[32]),
        ["Logging:LogLevel:Default"] = "Warning",

        // Stages are differences between passes, so every pass runs on one thread (a load runs them on several).
        ["Load:Parallelism"] = "1",
    }).Build();

    private static long Pass(SourceFile source, ExtractorRegistry extractors, ReferenceDataSet reference, bool map)
    {
        var extractor = (IExtractor)extractors.Choose(source);
        using var extraction = extractor.Open(source, new ExtractionOptions(reference.Aliases));
        long inScope = 0;
        var grades = new StaffDataPipeline.Normalisation.GradeNotations(extraction.Header, reference.Grades);
        foreach (var r in extraction.Records())
        {
            var status = r.Field(EsrField.AssignmentStatus);
            var contract = r.Field(EsrField.ContractType);
            var input = StaffDataPipeline.Normalisation.EsrRowNormaliser.MappingInputOf(r, grades);
            if (map && reference.Assignments.StatusCounts(status) && reference.Assignments.ContractCounts(contract) && reference.Mapper.MapInScope(input) is not null)
            {
                inScope++;
            }
        }

        return inScope;
    }

    private static double PseudonymiseTime(long rows)
    {
        var pseudonymiser = new PersonPseudonymiser(new byte[32]);
        var clock = Stopwatch.StartNew();
        for (long i = 0; i < rows; i++)
        {
            pseudonymiser.Pseudonymise("person", "10000000");
            pseudonymiser.Pseudonymise("assignment", "10000000-1");
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static (double Seconds, double AllocatedMb) Measure<T>(Func<T> action)
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        action();
        return (clock.Elapsed.TotalSeconds, (GC.GetTotalAllocatedBytes() - allocated) / 1e6);
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalSeconds;
    }

    private sealed class WriteTimer
    {
        public Stopwatch Write { get; } = new();

        public Stopwatch Commit { get; } = new();

        public long Rows { get; set; }
    }

    private sealed class TimedWarehouse(IWarehouse inner, WriteTimer timer) : IWarehouse
    {
        public Task MigrateAsync(CancellationToken cancellationToken) => inner.MigrateAsync(cancellationToken);

        public Task<BatchOfFile?> FindBatchOfFileAsync(string sha256, CancellationToken cancellationToken) => inner.FindBatchOfFileAsync(sha256, cancellationToken);

        public async Task<IStaffInPostBatchWriter> BeginBatchAsync(BatchStart start, CancellationToken cancellationToken) => new TimedWriter(await inner.BeginBatchAsync(start, cancellationToken), timer);

        public Task<IBatchWriter<Surveys.SurveyLine>> BeginSurveyBatchAsync(BatchStart start, Surveys.SurveyReturnHeader header, CancellationToken cancellationToken) => inner.BeginSurveyBatchAsync(start, header, cancellationToken);

        public Task<long> RecordRefusedFileAsync(BatchStart start, BatchSummary summary, CancellationToken cancellationToken) => inner.RecordRefusedFileAsync(start, summary, cancellationToken);

        public Task<WarehouseKeyState> ReadKeyStateAsync(CancellationToken cancellationToken) => inner.ReadKeyStateAsync(cancellationToken);

        public Task<IReadOnlyList<Organisations.OdsOrganisation>> ReadOdsOrganisationsAsync(CancellationToken cancellationToken) => inner.ReadOdsOrganisationsAsync(cancellationToken);
    }

    private sealed class TimedWriter(IStaffInPostBatchWriter inner, WriteTimer timer) : IStaffInPostBatchWriter
    {
        public long BatchId => inner.BatchId;

        public async ValueTask AddAsync(StaffFact fact, CancellationToken cancellationToken)
        {
            timer.Write.Start();
            await inner.AddAsync(fact, cancellationToken);
            timer.Write.Stop();
            timer.Rows++;
        }

        public async Task<IReadOnlyList<long>> RemoveDuplicateAssignmentsAsync(CancellationToken cancellationToken)
        {
            timer.Commit.Start();
            var rows = await inner.RemoveDuplicateAssignmentsAsync(cancellationToken);
            timer.Commit.Stop();
            return rows;
        }

        public async Task<CommitResult> CommitAsync(BatchSummary summary, CancellationToken cancellationToken)
        {
            timer.Commit.Start();
            var result = await inner.CommitAsync(summary, cancellationToken);
            timer.Commit.Stop();
            return result;
        }

        public Task<IReadOnlyList<SupersededVolume>> PreviewSupersessionAsync(CancellationToken cancellationToken) => inner.PreviewSupersessionAsync(cancellationToken);

        public Task AbandonAsync(BatchSummary summary, CancellationToken cancellationToken) => inner.AbandonAsync(summary, cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
