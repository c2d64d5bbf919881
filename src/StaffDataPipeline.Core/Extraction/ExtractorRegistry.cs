namespace StaffDataPipeline.Extraction;

/// <summary>Chooses a file's extractor by asking each registered one how well the file's content suits it.</summary>
public sealed class ExtractorRegistry
{
    private readonly List<IExtractor> _extractors = [];

    public IReadOnlyList<IExtractor> Extractors => _extractors;

    public ExtractorRegistry Add(IExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        _extractors.Add(extractor);
        return this;
    }

    public IExtractor Choose(SourceFile file)
    {
        var best = _extractors
            .Select(e => (Extractor: e, Score: e.Probe(file)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .FirstOrDefault();
        return best.Extractor ?? throw new FileRejectedException(
            "UNRECOGNISED_FORMAT",
            $"{file.FileName}: no extractor recognises this file's header. Registered: {string.Join(", ", _extractors.Select(e => e.Name))}.");
    }
}
