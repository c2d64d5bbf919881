namespace StaffDataPipeline.Service.Settings;

/// <summary>Watch:* settings: the folder the workforce team drops returns into.</summary>
public sealed class WatchSettings
{
    /// <summary>False turns the watched folder off (a service that only runs schedules).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The watched folder; blank means the default. By default in the service account's own data folder (~/.local/share/staffdata/inbox on
    /// Linux, %LOCALAPPDATA%\staffdata\inbox on Windows), never the current directory: the files it receives name people,
    /// and a checkout is one <c>git add -A</c> from publishing them.
    /// </summary>
    public string Path { get; set; } = DefaultPath;

    public static string DefaultPath { get; } =
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "staffdata", "inbox");

    /// <summary>A file is taken once its size and last-write time have not changed for this long.</summary>
    public double SettleSeconds { get; set; } = 10;

    /// <summary>
    /// A settled file that still looks half-written (a CSV whose last line has no line end, a workbook whose zip has no
    /// end record) is waited for until it has been unchanged this long, then taken as it is, with a notice in its report.
    /// </summary>
    public double IncompleteWaitSeconds { get; set; } = 300;

    /// <summary>The reconciliation scan: the watcher only hints, this scan is what guarantees every file is seen.</summary>
    public double ScanSeconds { get; set; } = 30;

    /// <summary>Where loaded files go (a yyyy-MM folder inside); blank means processed/ under the watched folder.</summary>
    public string ProcessedPath { get; set; } = string.Empty;

    /// <summary>Where rejected files go with their report; blank means rejected/ under the watched folder.</summary>
    public string RejectedPath { get; set; } = string.Empty;

    /// <summary>Waits before retrying a file that failed for an environment reason; the last one repeats. Empty means 60, 300, 900, 3600.</summary>
    /// <remarks>Empty by default: the configuration binder appends to a list, so a default here could not be replaced.</remarks>
    public List<double> RetryDelaysSeconds { get; set; } = [];

    public static IReadOnlyList<double> DefaultRetryDelaysSeconds { get; } = [60, 300, 900, 3600];

    public string ResolvedPath => System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(Path) ? DefaultPath : Path);

    public string ResolvedProcessedPath => System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(ProcessedPath) ? System.IO.Path.Combine(ResolvedPath, "processed") : ProcessedPath);

    public string ResolvedRejectedPath => System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(RejectedPath) ? System.IO.Path.Combine(ResolvedPath, "rejected") : RejectedPath);

    public TimeSpan RetryDelay(int attempt)
    {
        IReadOnlyList<double> delays = RetryDelaysSeconds.Count == 0 ? DefaultRetryDelaysSeconds : RetryDelaysSeconds;
        return TimeSpan.FromSeconds(delays[Math.Clamp(attempt - 1, 0, delays.Count - 1)]);
    }
}
