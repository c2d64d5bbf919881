namespace StaffDataPipeline.Planning.Scenarios;

/// <summary>A scenario asked for by name that no file in reference-data/scenarios defines.</summary>
public sealed class UnknownScenarioException(string name, IReadOnlyList<string> available)
    : Exception($"There is no scenario '{name}': the scenarios are {string.Join(", ", available)} (baseline, plus one file reference-data/scenarios/<name>.csv each); give one of those, or add the file.")
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Available { get; } = available;
}
