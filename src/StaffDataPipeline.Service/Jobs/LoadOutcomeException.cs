using StaffDataPipeline.Pipeline;

namespace StaffDataPipeline.Service.Jobs;

/// <summary>
/// Ends a load job that did not load its file (rejected, held, or failed and tried again later) so that Hangfire shows
/// it as Failed, not as a green Succeeded. Never retried by Hangfire (every job's AutomaticRetry lists it in ExceptOn):
/// a rejected file would be rejected again, and a file that failed for an environment reason has its own retry already
/// scheduled. <see cref="Headline"/> becomes the Failed state's reason (<see cref="OutcomeReasonAttribute"/>), the first
/// thing the dashboard's Failed page shows; the message is the full sentence. Neither ever holds a value from a row.
/// </summary>
public sealed class LoadOutcomeException : Exception
{
    public LoadOutcomeException(string headline, string sentence)
        : base(sentence) => Headline = headline;

    public LoadOutcomeException()
        : this("Not loaded", "Not loaded.")
    {
    }

    public LoadOutcomeException(string message)
        : this(message, message)
    {
    }

    public LoadOutcomeException(string message, Exception innerException)
        : base(message, innerException) => Headline = message;

    /// <summary>What happened, the reason code and the file, as "Rejected: THRESHOLD_EXCEEDED, RQ3 return.xlsx".</summary>
    public string Headline { get; }

    /// <summary>The reason code a held file carries (the volume guard's).</summary>
    public const string HeldReasonCode = "SUSPICIOUS_SHRINK";

    /// <summary>"Rejected: CODE, file", "Held: SUSPICIOUS_SHRINK, file" or "Failed: CODE, file" for a file that did not load.</summary>
    public static string HeadlineOf(FileLoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var code = report.ReasonCode ?? report.Status.ToString().ToUpperInvariant();
        var verb = report.Status switch
        {
            FileLoadStatus.Rejected when code == HeldReasonCode => "Held",
            FileLoadStatus.Rejected => "Rejected",
            _ => "Failed",
        };
        return $"{verb}: {code}, {report.FileName}";
    }
}
