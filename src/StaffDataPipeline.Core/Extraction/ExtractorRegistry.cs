namespace StaffDataPipeline.Extraction;

/// <summary>Chooses a file's extractor by asking each registered one how well the file's content suits it.</summary>
public sealed class ExtractorRegistry
{
    private readonly List<ISourceFormat> _extractors = [];

    public IReadOnlyList<ISourceFormat> Extractors => _extractors;

    public ExtractorRegistry Add(ISourceFormat extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        _extractors.Add(extractor);
        return this;
    }

    public ISourceFormat Choose(SourceFile file)
    {
        var best = _extractors
            .Select(e => (Extractor: e, Score: e.Probe(file)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .FirstOrDefault();
        return best.Extractor ?? throw Unrecognised(file);
    }

    // Only when nothing recognised the file, so the explanations cost a successful load nothing.
    private FileRejectedException Unrecognised(SourceFile file)
    {
        var seen = _extractors.OfType<IExplainsRefusal>().Select(e => e.Explain(file)).OfType<string>().ToList();
        var found = seen.Count > 0 ? $": {string.Join("; ", seen)}" : string.Empty;
        return new FileRejectedException(
            "UNRECOGNISED_FORMAT",
            $"{file.FileName}: no extractor recognises this file's content{found} (an ESR export needs a header row naming staff-in-post columns, separated by commas, semicolons, tabs or pipes; a survey return needs the template's sheets; registered: {string.Join(", ", _extractors.Select(e => e.Name))}).");
    }
}
