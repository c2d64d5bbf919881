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
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length == 0)
        {
            throw new FileRejectedException("EMPTY_FILE", $"{file.FileName} is empty (0 bytes): check that the right file was exported, and export it again.");
        }

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
        // An extractor that saw what the file is says so and what to do; the general description is for a file none could place.
        var seen = _extractors.OfType<IExplainsRefusal>().Select(e => e.Explain(file)).OfType<string>().ToList();
        return new FileRejectedException(
            "UNRECOGNISED_FORMAT",
            seen.Count > 0
                ? $"{file.FileName}: not a file staffdata can load: {string.Join("; ", seen)}."
                : $"{file.FileName}: not a file staffdata can load, by its content (an ESR export needs a header row naming staff-in-post columns, separated by commas, semicolons, tabs or pipes; a survey return needs the template's sheets; registered: {string.Join(", ", _extractors.Select(e => e.Name))}).");
    }
}
