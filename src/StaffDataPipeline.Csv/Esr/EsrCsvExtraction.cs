using CsvHelper;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Headers;

namespace StaffDataPipeline.Csv.Esr;

/// <summary>
/// An open ESR CSV: streams records straight off CsvHelper's reader, one reused record object, no row buffering.
/// <see cref="Map{T}(Func{ISourceRecord, T})"/> normalises on several threads (CsvHelper's ParallelEnumerate: the file
/// is still read once, in order, and the results come back in order); given a <see cref="ThreadsAfterSample"/>, the
/// first records are mapped on the caller's thread and the rest on as many threads as the caller then says. The bytes
/// parsed are the bytes hashed: at the end the stream is checked against the hash taken at inspection.
/// </summary>
internal sealed class EsrCsvExtraction : IExtraction, IHasHeaderNames
{
    private readonly SourceFile _file;
    private readonly CsvReader _reader;
    private readonly VerifyingReadStream _stream;
    private readonly int[] _columnOfField;
    private readonly int _headerFields;
    private readonly DuplicateColumnCheck _duplicates;

    public EsrCsvExtraction(SourceFile file, CsvReader reader, VerifyingReadStream stream, HeaderMatch header, IReadOnlyList<string> headerNames)
    {
        _file = file;
        _reader = reader;
        _stream = stream;
        Header = header;
        HeaderNames = headerNames;
        _headerFields = headerNames.Count;
        _duplicates = new DuplicateColumnCheck(file.FileName, header);
        _columnOfField = header.ColumnByField();
    }

    public HeaderMatch Header { get; }

    public IReadOnlyList<string> HeaderNames { get; }

    /// <summary>Set where fields are not separated by commas: Excel may then write decimals with a comma.</summary>
    public bool DecimalComma { get; init; }

    /// <summary>How many threads map rows at once in <see cref="Map{T}(Func{ISourceRecord, T})"/> (<see cref="ExtractionOptions.Parallelism"/>).</summary>
    public int Parallelism { get; init; } = 1;

    public IEnumerable<ISourceRecord> Records()
    {
        var view = ViewOf(_reader);
        return Guarded(_reader.Read, view.Current);
    }

    public IEnumerable<T> Map<T>(Func<ISourceRecord, T> map) => Parallelism <= 1 ? Records().Select(map) : MapInParallel(map, Parallelism);

    public IEnumerable<T> Map<T>(Func<ISourceRecord, T> map, ThreadsAfterSample threads)
    {
        ArgumentNullException.ThrowIfNull(threads);
        return Parallelism <= 1 ? Records().Select(map) : MapSampleThenRest(map, threads);
    }

    /// <summary>
    /// One record at a time on this thread; at the first record after the sample (so a file the sample ends is never
    /// asked about) the question is asked, and if it allows more than one thread, the rest are mapped on them.
    /// </summary>
    private IEnumerable<T> MapSampleThenRest<T>(Func<ISourceRecord, T> map, ThreadsAfterSample threads)
    {
        // Records() checks the stream once it is read to the end; left for the threads, it is checked at their end.
        using var records = Records().GetEnumerator();
        var read = 0L;
        while (records.MoveNext())
        {
            var degree = read++ == threads.Records ? Math.Clamp(threads.Threads(), 1, Parallelism) : 1;
            yield return map(records.Current);
            if (degree > 1)
            {
                foreach (var result in MapInParallel(map, degree))
                {
                    yield return result;
                }

                yield break;
            }
        }
    }

    private IEnumerable<T> MapInParallel<T>(Func<ISourceRecord, T> map, int degree)
    {
        ThreadPoolHeadroom.Ensure(degree);

        // Each worker thread reads through a reader of its own, and gets a view of its own over it.
        using var views = new ThreadLocal<CsvRecordView?>();
        using var results = _reader.ParallelEnumerate(
            reader =>
            {
                var view = views.Value;
                if (view is null || !ReferenceEquals(view.Reader, reader))
                {
                    views.Value = view = ViewOf(reader);
                }

                return map(view.Current());
            },
            degree).GetEnumerator();
        foreach (var result in Guarded(results.MoveNext, () => results.Current))
        {
            yield return result;
        }
    }

    /// <summary>
    /// The items until <paramref name="moveNext"/> says there are no more; a CSV that cannot be parsed is refused where
    /// it breaks, and a file that is read to its end is checked against its hash.
    /// </summary>
    private IEnumerable<T> Guarded<T>(Func<bool> moveNext, Func<T> current)
    {
        while (true)
        {
            bool more;
            try
            {
                more = moveNext();
            }
            catch (CsvFormatException ex)
            {
                throw new FileRejectedException("MALFORMED_CSV", $"{_file.FileName}, row {(ex.LineNumber > 0 ? ex.LineNumber : ex.RecordNumber)}: the CSV cannot be parsed (a quoted field is never closed, or a record is impossibly long).");
            }

            if (!more)
            {
                break;
            }

            yield return current();
        }

        _stream.VerifyComplete();
    }

    public void Dispose() => _reader.Dispose();

    private CsvRecordView ViewOf(CsvReader reader) => new(reader, _columnOfField, _headerFields, _duplicates);
}
