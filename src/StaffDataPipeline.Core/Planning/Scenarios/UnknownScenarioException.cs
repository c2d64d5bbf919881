namespace StaffDataPipeline.Planning.Scenarios;

/// <summary>
/// A scenario asked for by name that cannot be run: no file in reference-data/scenarios defines it, or its file has a
/// mistake (<paramref name="problem"/>: the file, line and what to write, as validation found it).
/// </summary>
public sealed class UnknownScenarioException(string name, IReadOnlyList<string> available, string? problem = null)
    : Exception(problem is null
        ? $"There is no scenario '{name}': the scenarios are {string.Join(", ", available)} (baseline, plus one file reference-data/scenarios/<name>.csv each); give one of those, or add the file."
        : $"The scenario '{name}' cannot be run until its file is corrected: {problem}")
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Available { get; } = available;
}
