using System.Globalization;

namespace StaffDataPipeline.SampleGenerator;

/// <summary>
/// Generates the ESR sample exports in samples/esr (and broken ones in samples/esr-broken): several organisations,
/// two snapshot months, three header styles, both encodings, messy titles, traps, double assignments, bad rows.
/// </summary>
public sealed class EsrSampleGenerator
{
    public static readonly DateOnly[] Months = [new(2023, 9, 30), new(2023, 10, 31)];

    private static readonly (string Code, string Name, EsrStyle Style, int Genomics)[] Organisations =
    [
        ("RQ3", "Birmingham Women's and Children's NHS Foundation Trust", EsrStyle.TrustBi, 70),
        ("RGT", "Cambridge University Hospitals NHS Foundation Trust", EsrStyle.TrustBi, 80),
        ("R0A", "Manchester University NHS Foundation Trust", EsrStyle.TrustBi, 90),
        ("RP4", "Great Ormond Street Hospital for Children NHS Foundation Trust", EsrStyle.RecordLevel, 80),
        ("RJ1", "Guy's and St Thomas' NHS Foundation Trust", EsrStyle.RecordLevel, 90),
        ("RVJ", "North Bristol NHS Trust", EsrStyle.RecordLevel, 60),
        ("RTD", "The Newcastle upon Tyne Hospitals NHS Foundation Trust", EsrStyle.NhsDigital, 70),
        ("RTH", "Oxford University Hospitals NHS Foundation Trust", EsrStyle.NhsDigital, 30),
        ("RR8", "Leeds Teaching Hospitals NHS Trust", EsrStyle.NhsDigital, 30),
        ("RH8", "Royal Devon and Exeter NHS Foundation Trust", EsrStyle.NhsDigital, 25),
        ("RRK", "University Hospitals Birmingham NHS Foundation Trust", EsrStyle.NhsDigital, 10),
    ];

    /// <summary>The sample organisations, codes and names, which national extracts include.</summary>
    internal static IEnumerable<(string Code, string Name)> OrganisationCodes => Organisations.Select(o => (o.Code, o.Name));

    private const int OtherStaffPerOrganisation = 220;
    private readonly int _seed;

    public EsrSampleGenerator(int seed = 20231) => _seed = seed;

    /// <summary>Writes the sample folder; returns the files written.</summary>
    public IReadOnlyList<string> WriteSamples(string esrFolder, string brokenFolder)
    {
        var written = new List<string>();
        var random = new Random(_seed);
        var serial = 0;
        var workforces = Organisations.ToDictionary(o => o.Code, o => Workforce(random, o.Code, o.Name, o.Genomics, OtherStaffPerOrganisation, ref serial));
        foreach (var month in Months)
        {
            // Multi-organisation files get one bad row per organisation so that the file stays under the 5% threshold;
            // samples/esr-broken holds the file that does not.
            var rowsByOrg = Organisations.ToDictionary(o => o.Code, o => MonthRows(random, workforces[o.Code], month, badRows: o.Style == EsrStyle.NhsDigital ? 1 : 3).ToList());
            foreach (var group in Organisations.GroupBy(o => o.Style))
            {
                if (group.Key == EsrStyle.NhsDigital)
                {
                    var path = Path.Combine(esrFolder, $"nhs_digital_staff_in_post_{month:yyyyMM}.csv");
                    EsrFileWriter.Write(path, group.Key, group.SelectMany(o => rowsByOrg[o.Code]));
                    written.Add(path);
                    continue;
                }

                foreach (var org in group)
                {
                    var path = Path.Combine(esrFolder, group.Key == EsrStyle.TrustBi
                        ? $"{org.Code}_staff_in_post_{month:yyyy-MM}.csv"
                        : $"esr_record_level_{org.Code}_{month:yyyyMM}.csv");
                    EsrFileWriter.Write(path, group.Key, rowsByOrg[org.Code]);
                    written.Add(path);
                }
            }

            // Staff turn over between months.
            foreach (var (code, workforce) in workforces)
            {
                Churn(random, workforce, ref serial);
            }
        }

        // A corrected resubmission of one trust's October return: it must supersede the first one.
        var resubmission = MonthRows(new Random(_seed + 1), workforces["RGT"], Months[1], badRows: 0)
            .Select((r, i) => i % 17 == 0 && r.Fte == "1.0000" ? r with { Fte = "0.8000" } : r).ToList();
        var resubmitted = Path.Combine(esrFolder, $"RGT_staff_in_post_{Months[1]:yyyy-MM}_resubmitted.csv");
        EsrFileWriter.Write(resubmitted, EsrStyle.TrustBi, resubmission);
        written.Add(resubmitted);

        written.AddRange(WriteBroken(brokenFolder, workforces["RTH"]));
        return written;
    }

    private static List<(SyntheticPerson Person, int Suffix, PostTemplate Post, bool Primary, string Org, string OrgName)> Workforce(
        Random random, string code, string name, int genomics, int others, ref int serial)
    {
        var staff = new List<(SyntheticPerson, int, PostTemplate, bool, string, string)>();
        for (var i = 0; i < genomics + others; i++)
        {
            var person = SyntheticPerson.Create(random, ++serial);
            var post = i < genomics ? Pick(random, PostTemplates.Genomics) : Pick(random, PostTemplates.Other);
            staff.Add((person, 1, post, true, code, name));

            // About one in twelve genomics staff hold a second assignment (two roles, one head).
            if (i < genomics && random.Next(12) == 0)
            {
                staff.Add((person, 2, Pick(random, PostTemplates.Genomics), false, code, name));
            }
        }

        return staff;
    }

    private static void Churn(Random random, List<(SyntheticPerson Person, int Suffix, PostTemplate Post, bool Primary, string Org, string OrgName)> workforce, ref int serial)
    {
        var leavers = workforce.Count / 30;
        for (var i = 0; i < leavers; i++)
        {
            workforce.RemoveAt(random.Next(workforce.Count));
        }

        var template = workforce[0];
        for (var i = 0; i < leavers; i++)
        {
            var post = random.Next(4) == 0 ? Pick(random, PostTemplates.Genomics) : Pick(random, PostTemplates.Other);
            workforce.Add((SyntheticPerson.Create(random, ++serial), 1, post, true, template.Org, template.OrgName));
        }
    }

    private static IEnumerable<SampleRow> MonthRows(Random random, List<(SyntheticPerson Person, int Suffix, PostTemplate Post, bool Primary, string Org, string OrgName)> workforce, DateOnly month, int badRows)
    {
        var bad = 0;
        foreach (var (person, suffix, post, primary, org, orgName) in workforce)
        {
            var row = Row(random, org, orgName, person, suffix, post, month, primary);
            if (post.Genomics && bad < badRows && random.Next(25) == 0 && row.Status == "Active Assignment" && row.Contract == "Permanent")
            {
                row = (bad++ % 3) switch
                {
                    0 => row with { Fte = "one" },
                    1 => row with { DateOfBirthOverride = "31/02/1980" },
                    _ => row with { PersonIdOverride = string.Empty },
                };
            }

            yield return row;
        }
    }

    internal static SampleRow Row(Random random, string org, string orgName, SyntheticPerson person, int suffix, PostTemplate post, DateOnly month, bool primary)
    {
        var roll = random.Next(100);
        var (status, contract) = roll switch
        {
            < 2 => ("Suspend Assignment", "Permanent"),
            < 5 => ("Active Assignment", "Bank"),
            < 12 => ("Active Assignment", "Fixed Term Temp"),
            < 13 => ("Internal Secondment", "Permanent"),
            _ => ("Active Assignment", "Permanent"),
        };
        var fte = random.Next(4) == 0 ? (random.Next(4, 10) / 10m) : 1m;
        return new SampleRow(
            org,
            orgName,
            person,
            suffix,
            Pick(random, post.Titles),
            post.StaffGroup,
            post.OccupationCode,
            post.AreaOfWork,
            post.JobRole,
            Pick(random, post.Grades),
            status,
            contract,
            fte.ToString("0.0000", CultureInfo.InvariantCulture),
            primary,
            month,
            $"{100000 + (post.AreaOfWork.Sum(c => c) * 7919 % 900000)} {post.AreaOfWork}");
    // string.GetHashCode is randomised per process; the cost centre number must be the same in every run.
    }

    private static IEnumerable<string> WriteBroken(string folder, List<(SyntheticPerson Person, int Suffix, PostTemplate Post, bool Primary, string Org, string OrgName)> workforce)
    {
        var random = new Random(99);
        var rows = MonthRows(random, workforce, Months[0], badRows: 0).ToList();

        var missingColumn = EsrStyle.TrustBi with { Columns = EsrStyle.TrustBi.Columns.Where(c => c.Header != "Organisation Code").ToArray() };
        var a = Path.Combine(folder, "missing_organisation_column_2023-09.csv");
        EsrFileWriter.Write(a, missingColumn, rows);
        yield return a;

        var b = Path.Combine(folder, "too_many_bad_rows_2023-09.csv");
        EsrFileWriter.Write(b, EsrStyle.TrustBi, rows.Select((r, i) => r.Title.Contains("Genetic", StringComparison.Ordinal) && i % 2 == 0 ? r with { Fte = "1,0" } : r));
        yield return b;

        var noMonth = EsrStyle.RecordLevel with { Columns = EsrStyle.RecordLevel.Columns.Where(c => c.Header != "Tm Year Month").ToArray() };
        var c = Path.Combine(folder, "no_snapshot_month.csv");
        EsrFileWriter.Write(c, noMonth, rows);
        yield return c;
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    internal static PostTemplate Pick(Random random, PostTemplate[] templates)
    {
        var total = templates.Sum(t => t.Weight);
        var roll = random.Next(total);
        foreach (var t in templates)
        {
            if ((roll -= t.Weight) < 0)
            {
                return t;
            }
        }

        return templates[^1];
    }
}
