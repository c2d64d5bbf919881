namespace StaffDataPipeline.Hosting.Packs;

/// <summary>
/// What the outbox knows of one published pack, kept beside its files (<c>&lt;id&gt;.pack.json</c>, written last, so a
/// pack is listed only once every file of it is complete): when it was built, the data date, its scenarios and runs,
/// and its files (names only, in the outbox folder). Nothing in it names a person.
/// </summary>
public sealed record PackManifest(string Id, DateTimeOffset BuiltAt, DateOnly DataAsOf, IReadOnlyList<string> Scenarios, IReadOnlyList<long> RunIds, IReadOnlyList<PackFile> Files);

/// <summary>One file of a pack: its name in the outbox, its format's extension (".xlsx", ".html") and its size.</summary>
public sealed record PackFile(string Name, string Extension, long Bytes);
