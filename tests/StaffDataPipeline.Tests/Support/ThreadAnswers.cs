using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;

namespace StaffDataPipeline.Tests.Support;

/// <summary>
/// An extractor whose extractions record every answer a load gives them to "how many threads may map the rest?"
/// (IExtraction.Map with ThreadsAfterSample), for TestPipeline.Create(wrap: …).
/// </summary>
internal sealed class ThreadAnswers(IExtractor inner) : IExtractor
{
    public List<int> Given { get; } = [];

    public string Name => inner.Name;

    public int Probe(SourceFile file) => inner.Probe(file);

    public IExtraction Open(SourceFile file, ExtractionOptions options) => new Recording(inner.Open(file, options), Given);

    /// <summary>The expected answers for a file larger than the sample: none where the load has one thread (one core).</summary>
    public static int[] Expected(int answer) => Environment.ProcessorCount > 1 ? [answer] : [];

    private sealed class Recording(IExtraction inner, List<int> given) : IExtraction, IHasHeaderNames
    {
        public HeaderMatch Header => inner.Header;

        public IReadOnlyList<string> HeaderNames => ((IHasHeaderNames)inner).HeaderNames;

        public bool DecimalComma => inner.DecimalComma;

        public IEnumerable<ISourceRecord> Records() => inner.Records();

        public IEnumerable<T> Map<T>(Func<ISourceRecord, T> map) => inner.Map(map);

        public IEnumerable<T> Map<T>(Func<ISourceRecord, T> map, ThreadsAfterSample threads) => inner.Map(map, threads with
        {
            Threads = () =>
            {
                var answer = threads.Threads();
                given.Add(answer);
                return answer;
            },
        });

        public void Dispose() => inner.Dispose();
    }
}
