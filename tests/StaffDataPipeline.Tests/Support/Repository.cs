namespace StaffDataPipeline.Tests.Support;

/// <summary>Paths inside the repository, found from the test binary's location.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StaffDataPipeline.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find StaffDataPipeline.sln above the test binary.");
    });

    public static string Root => RootPath.Value;

    public static string ReferenceData => Path.Combine(Root, "src", "reference-data");

    public static string Samples(params string[] parts) => Path.Combine([Root, "samples", .. parts]);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The real NHS ODS trust and site release (August 2018) the organisation tests read, gzipped as published.</summary>
    public static string OdsRelease => Fixture(Path.Combine("ods", "etrust-2018-08.csv.gz"));
}
