using StaffDataPipeline.Pipeline;

namespace StaffDataPipeline.Cli.Output;

/// <summary>A one-line progress display on standard error (only when it is a terminal), reported synchronously.</summary>
internal sealed class ConsoleProgress : IProgress<LoadProgress>
{
    private int _width;

    public void Report(LoadProgress value)
    {
        var line = $"  {value.FileName}: {value.RowsRead:N0} rows read, {value.RowsPerSecond:N0} rows/s";
        _width = Math.Max(_width, line.Length);
        Console.Error.Write("\r" + line.PadRight(_width));
    }

    public void Clear()
    {
        if (_width > 0)
        {
            Console.Error.Write("\r" + new string(' ', _width) + "\r");
        }
    }
}
