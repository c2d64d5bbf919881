using System.Diagnostics;
using StaffDataPipeline.Excel.Template;

namespace StaffDataPipeline.SampleGenerator;

/// <summary>
/// Writes samples/surveys: one return per GLH, one per other organisation type, a resubmission, and messy returns
/// (banner rows and merged cells with renamed, reordered and hidden sheets and a total row; numbers as text with n/a;
/// a legacy .xls converted by LibreOffice when it is installed).
/// </summary>
public sealed class SurveySampleGenerator
{
    public const string Period = "2024-25 Q2";

    private static readonly (string Code, string Name, string Type, string Area, int Scale)[] Returns =
    [
        ("RQ3", "Birmingham Women's and Children's NHS Foundation Trust", "GLH", "Rare disease", 3),
        ("RGT", "Cambridge University Hospitals NHS Foundation Trust", "GLH", "Rare disease", 3),
        ("R0A", "Manchester University NHS Foundation Trust", "GLH", "Inherited cancer", 3),
        ("RP4", "Great Ormond Street Hospital for Children NHS Foundation Trust", "GLH", "Rare disease", 3),
        ("RJ1", "Guy's and St Thomas' NHS Foundation Trust", "GLH", "Inherited cancer", 3),
        ("RVJ", "North Bristol NHS Trust", "GLH", "Rare disease", 2),
        ("RTD", "The Newcastle upon Tyne Hospitals NHS Foundation Trust", "GLH", "Rare disease", 3),
        ("RTH", "Oxford University Hospitals NHS Foundation Trust", "GMSA", "Rare disease", 1),
        ("RHM", "University Hospital Southampton NHS Foundation Trust", "GMC", "Rare disease", 1),
        ("RH8", "Royal Devon and Exeter NHS Foundation Trust", "Clinical genetics department", "Inherited cancer", 1),
        ("RR8", "Leeds Teaching Hospitals NHS Trust", "Other", "Cancer (somatic)", 1),
    ];

    private static readonly (string Role, string Grade, int Base)[] Lines =
    [
        ("MED-CG-CONS", "Consultant", 4), ("MED-CG-TRAINEE", "Specialty Registrar", 2), ("GC", "Band 7", 6), ("GC-PRINCIPAL", "Band 8a", 2),
        ("Trainee Genetic Counsellor", "Band 6", 2), ("Clinical Scientist", "Band 7", 8), ("Principal Clinical Scientist", "Band 8b", 3),
        ("LAB-CS-CONS", "Band 8d", 1), ("Genetic Technologist", "Band 5", 10), ("Clinical Bioinformatician", "Band 7", 2),
        ("Bioinformatics Software Engineer", "Band 7", 1), ("Genetics Secretary", "Band 3", 4), ("Genomics Programme Officer", "Band 6", 1),
    ];

    private readonly int _seed;

    public SurveySampleGenerator(int seed = 2024) => _seed = seed;

    public IReadOnlyList<string> WriteSamples(string folder, string templatePath)
    {
        var written = new List<string>();
        Write(templatePath, new SurveyWorkbookSpec());
        written.Add(templatePath);
        var random = new Random(_seed);
        foreach (var r in Returns)
        {
            var spec = Spec(random, r.Code, r.Name, r.Type, r.Area, r.Scale);
            var name = $"{r.Code}_{r.Type.Replace(' ', '-').ToLowerInvariant()}_return_2024-25-Q2.xlsx";
            spec = r.Code switch
            {
                // Messy: banner rows with merged titles, renamed and reordered sheets, a hidden lookup sheet, a formula total row.
                "RJ1" => spec with { BannerRows = 3, TotalRow = true, ReverseSheetOrder = true, HiddenLookupSheet = true, WorkforceSheetName = "Staff in post", DemandSheetName = "Future demand", CoverSheetName = "About this return" },

                // Messy: numbers typed as text, thousands separators, n/a, -, N/K, and one impossible line.
                "RP4" => spec with { Workforce = AsText(spec.Workforce) },
                _ => spec,
            };
            var path = Path.Combine(folder, name);
            Write(path, spec);
            written.Add(path);
        }

        // A corrected resubmission of Cambridge's return supersedes the first.
        var resubmission = Spec(new Random(_seed + 1), "RGT", Returns[1].Name, "GLH", "Rare disease", 3);
        var resubmitted = Path.Combine(folder, "RGT_glh_return_2024-25-Q2_resubmitted.xlsx");
        Write(resubmitted, resubmission);
        written.Add(resubmitted);

        // A legacy .xls: the same content as North Bristol's return, saved by LibreOffice in Excel 97-2003 format.
        var rvj = written.Single(w => Path.GetFileName(w).StartsWith("RVJ_", StringComparison.Ordinal));
        if (ConvertToXls(rvj, folder))
        {
            File.Delete(rvj);
            written[written.IndexOf(rvj)] = Path.ChangeExtension(rvj, ".xls");
        }

        return written;
    }

    internal static SurveyWorkbookSpec Spec(Random random, string code, string name, string type, string area, int scale)
    {
        var workforce = new List<object?[]>();
        var demand = new List<object?[]>();
        foreach (var (role, grade, b) in Lines)
        {
            var inPost = b * scale * (0.8m + (decimal)random.NextDouble() * 0.2m);
            inPost = Math.Round(inPost, 1);
            var vacant = Math.Round(b * scale * (decimal)random.NextDouble() * 0.25m, 1);
            var headcount = Math.Ceiling(inPost * 1.1m);
            workforce.Add([role, grade, headcount, inPost, inPost + vacant, vacant, Math.Round(vacant / 2, 1), role.Contains("TRAINEE", StringComparison.Ordinal) || role.StartsWith("Trainee", StringComparison.Ordinal) ? inPost : 0m]);
            demand.Add([role, grade, Math.Round((inPost + vacant) * 1.3m, 1), Math.Round((inPost + vacant) * 1.7m, 1), Drivers[random.Next(Drivers.Length)]]);
        }

        return new SurveyWorkbookSpec
        {
            Cover =
            [
                ("Organisation ODS code", code), ("Organisation name", name), ("Organisation type", type),
                ("Return period", Period), ("Service area", area), ("Template version", "1"),
            ],
            Workforce = workforce,
            Demand = demand,
            Comments = SurveyWorkbookSpec.Questions.Select((q, i) => new object?[] { q, Answers[(i + random.Next(Answers.Length)) % Answers.Length] }).ToList(),
        };
    }

    private static readonly string[] Drivers =
    [
        "New test directory indications", "Whole genome sequencing uptake", "Mainstreaming of germline testing in oncology",
        "Growth of the paediatric rare disease service", "Retirements in the consultant group",
    ];

    private static readonly string[] Answers =
    [
        "Few qualified applicants for band 7 posts; we train our own through STP.",
        "Staff leave for industry roles in bioinformatics, which pay more.",
        "Variant interpretation and long-read sequencing skills.",
        "Two STP places a year, limited by supervisor time.",
        "Retention is good but the service has grown faster than the establishment.",
    ];

    private static List<object?[]> AsText(IReadOnlyList<object?[]> lines)
    {
        var result = new List<object?[]>();
        for (var i = 0; i < lines.Count; i++)
        {
            var copy = lines[i].Select((v, c) => c >= 2 && v is decimal d ? (object?)d.ToString(d >= 1000 ? "#,##0.0" : "0.0", System.Globalization.CultureInfo.InvariantCulture) : v).ToArray();
            if (i == 1)
            {
                copy[6] = "n/a";
                copy[7] = "-";
            }

            if (i == 4)
            {
                copy[2] = "N/K";
            }

            result.Add(copy);
        }

        // An impossible line: more vacancies than funded posts. It must be quarantined, not loaded or "fixed".
        result.Add(["Genomic Practitioner", "Band 6", "2", "2.0", "2.0", "3.0", "0", "0"]);
        return result;
    }

    // Zip entries carry the time they were written; pinning it makes regenerated samples byte-identical.
    internal static void Write(string path, SurveyWorkbookSpec spec)
    {
        SurveyWorkbookWriter.Write(path, spec);
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update);
        foreach (var entry in zip.Entries)
        {
            entry.LastWriteTime = new DateTimeOffset(2024, 10, 1, 0, 0, 0, TimeSpan.Zero);
        }
    }

    private static bool ConvertToXls(string xlsx, string folder)
    {
        try
        {
            var start = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "--headless", "--convert-to", "xls", "--outdir", folder, xlsx })
            {
                start.ArgumentList.Add(a);
            }

            using var p = Process.Start(start)!;
            p.WaitForExit(120_000);
            return p.ExitCode == 0 && File.Exists(Path.ChangeExtension(xlsx, ".xls"));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("LibreOffice (soffice) is not installed: the .xls sample was not regenerated.");
            return false;
        }
    }
}
