using System.Diagnostics;

namespace StaffDataPipeline.Benchmark;

/// <summary>The yardstick: the sqlite3 program copying the same CSV into one table, in WAL mode, with no index.</summary>
internal static class Sqlite3Import
{
    /// <summary>Seconds the copy took; null when sqlite3 is not installed.</summary>
    public static double? Time(string file, string db)
    {
        Delete(db);
        var start = new ProcessStartInfo("sqlite3") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(db);
        start.ArgumentList.Add("PRAGMA journal_mode = WAL;");
        start.ArgumentList.Add(".mode csv");
        start.ArgumentList.Add($".import {file} raw");
        try
        {
            var clock = Stopwatch.StartNew();
            using var p = Process.Start(start)!;
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? clock.Elapsed.TotalSeconds : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("(sqlite3 is not installed: `apt-get install sqlite3` to compare with its .import)");
            return null;
        }
        finally
        {
            Delete(db);
        }
    }

    public static void Delete(string db)
    {
        foreach (var f in Directory.GetFiles(Path.GetDirectoryName(db)!, Path.GetFileName(db) + "*"))
        {
            File.Delete(f);
        }
    }
}
