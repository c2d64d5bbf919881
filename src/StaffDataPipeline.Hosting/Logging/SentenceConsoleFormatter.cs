using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace StaffDataPipeline.Hosting.Logging;

/// <summary>
/// One line per log entry. An exception is shown as its type and message; its stack trace only when
/// Logging:StackTraces is true (--verbose). Libraries log exceptions in full (Hangfire, SqlClient), and a data
/// engineer reading a nightly log needs the sentence, not 60 lines of frames.
/// </summary>
public sealed class SentenceConsoleFormatter : ConsoleFormatter
{
    public const string FormatterName = "staffdata";
    private readonly SentenceFormatterOptions _options;

    public SentenceConsoleFormatter(IOptionsMonitor<SentenceFormatterOptions> options)
        : base(FormatterName) => _options = options.CurrentValue;

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write(": ");
        textWriter.Write(message.ReplaceLineEndings(" "));
        if (logEntry.Exception is { } ex)
        {
            textWriter.Write(_options.StackTraces ? Environment.NewLine + ex : $" ({ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")})");
        }

        textWriter.WriteLine();
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}

/// <summary>Options of <see cref="SentenceConsoleFormatter"/>.</summary>
public sealed class SentenceFormatterOptions : ConsoleFormatterOptions
{
    public bool StackTraces { get; set; }
}
