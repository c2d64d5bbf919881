using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.Logging.Abstractions;
using StaffDataPipeline.Pipeline;
using StaffDataPipeline.Sqlite;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Hardening;

/// <summary>
/// Properties over generated input: whatever bytes or mutated rows reach the extractors, a run ends with a report per
/// file (no exception escapes) and no personal value planted in the file appears in any message of that report.
/// Validation runs everything a load does without a database, so each case is fast.
/// </summary>
public sealed class ExtractorPropertyTests : IDisposable
{
    private const string Header = "Employee Number,Assignment Number,Full Name,Organisation Code,Position Title,Area of Work,Pay Band,FTE,NI Number,Date of Birth,Effective Date";

    private static readonly string[] Planted = ["31415926", "31415926-1", "Quartermaine-Haworth", "QZ271828A", "14/07/1966", "27182818", "27182818-1", "Brontë-Llewellyn", "QY161803B", "29/02/1972"];

    private static readonly string Good =
        Header + "\n" +
        "31415926,31415926-1,\"Quartermaine-Haworth, Ada\",RGT,Clinical Scientist,Genomics Laboratory,Band 7,1.0000,QZ271828A,14/07/1966,30/09/2023\n" +
        "27182818,27182818-1,\"Brontë-Llewellyn, Rhys\",RGT,Genetic Counsellor,Clinical Genetics,Band 7,0.8000,QY161803B,29/02/1972,30/09/2023\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Property(MaxTest = 150)]
    public bool A_mutated_csv_gives_a_report_and_never_echoes_a_value(NonNegativeInt at, string? insert, NonNegativeInt cut)
    {
        var start = at.Get % Good.Length;
        var text = Good[..start] + (insert ?? string.Empty) + Good[Math.Min(Good.Length, start + (cut.Get % 40))..];
        return ReportsWithoutValues(_dir.Write($"mutated_{Guid.NewGuid():N}.csv", text));
    }

    [Property(MaxTest = 100)]
    public bool A_row_with_fields_dropped_or_added_gives_a_report_and_never_echoes_a_value(NonNegativeInt row, NonNegativeInt field, bool add)
    {
        var lines = Good.TrimEnd('\n').Split('\n');
        var r = 1 + (row.Get % (lines.Length - 1));
        var fields = lines[r].Split(',').ToList();
        var f = field.Get % fields.Count;
        if (add)
        {
            fields.Insert(f, "QZ271828A");
        }
        else
        {
            fields.RemoveAt(f);
        }

        lines[r] = string.Join(',', fields);
        return ReportsWithoutValues(_dir.Write($"shifted_{Guid.NewGuid():N}.csv", string.Join('\n', lines) + "\n"));
    }

    [Fact]
    public void A_header_that_swallowed_a_data_row_does_not_show_its_values_as_column_names()
    {
        var lostLineBreak = Good.Remove(Header.Length, 1).Replace("30/09/2023,", "30/09/2023,\n", StringComparison.Ordinal);

        var report = Validate(_dir.Write("merged.csv", lostLineBreak)).Single();

        Assert.True(ReportsWithoutValues(_dir.Write("merged-again.csv", lostLineBreak)));
        Assert.Contains(report.UnknownColumns, c => c.Contains("looks like data", StringComparison.Ordinal));
    }

    [Property(MaxTest = 100)]
    public bool Random_bytes_named_as_a_csv_or_a_workbook_give_a_report(byte[] bytes, bool asWorkbook)
    {
        var path = _dir.WriteBytes($"random_{Guid.NewGuid():N}{(asWorkbook ? ".xlsx" : ".csv")}", bytes ?? []);
        return Validate(path).Count == 1;
    }

    [Property(MaxTest = 60)]
    public bool A_workbook_with_bytes_flipped_gives_a_report(NonNegativeInt at, byte value)
    {
        var bytes = File.ReadAllBytes(Repository.Samples("surveys", "RGT_glh_return_2024-25-Q2.xlsx"));
        bytes[at.Get % bytes.Length] ^= (byte)(value | 1);
        return Validate(_dir.WriteBytes($"flipped_{Guid.NewGuid():N}.xlsx", bytes)).Count == 1;
    }

    private static string Messages(FileLoadReport r) =>
        string.Join('\n', new[] { r.Message ?? string.Empty }
            .Concat(r.Rejections.Select(x => $"{x.Column} {x.Message}"))
            .Concat(r.UnknownColumns)
            .Concat(r.PersonalColumnsDropped)
            .Concat(r.UnknownOrganisations)
            .Concat(r.Warnings.Select(w => w.Message)));

    private bool ReportsWithoutValues(string path)
    {
        var report = Validate(path).Single();
        var messages = Messages(report);
        var leaked = Planted.FirstOrDefault(v => messages.Contains(v, StringComparison.Ordinal));
        return leaked is null ? true : throw new InvalidOperationException($"'{leaked}' echoed in: {messages}");
    }

    private IReadOnlyList<FileLoadReport> Validate(string path)
    {
        // Nothing is written by validate: the database file is never created.
        var warehouse = new SqliteWarehouse(_dir.File("never-created.db"), Reference.Data, NullLogger<SqliteWarehouse>.Instance);
        var reports = TestPipeline.Create(warehouse).RunAsync([path], dryRun: true, null, CancellationToken.None).GetAwaiter().GetResult();
        return File.Exists(_dir.File("never-created.db")) ? throw new InvalidOperationException("validate created a database") : reports;
    }
}
