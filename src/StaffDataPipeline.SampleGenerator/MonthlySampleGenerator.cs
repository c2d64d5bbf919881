using System.Globalization;
using System.Text;

namespace StaffDataPipeline.SampleGenerator;

/// <summary>
/// samples/esr-monthly: a year of monthly staff-in-post exports (April 2023 to April 2024, so one full 12-month turnover
/// window) for three organisations,
/// with joiners, leavers, trainees who qualify (a role move, not a leaver), a missing month (RTH, August 2023) and a
/// resubmission (RHM, November 2023, one leaver who had not left yet). Deterministic: the same files on every run.
/// </summary>
public sealed class MonthlySampleGenerator
{
    private const string Header = "Employee Number,Assignment Number,Organisation Code,Position Title,Area of Work,Staff Group,Pay Band,Assignment Status,FTE,Effective Date";

    // Position title, area, staff group, band, and the title a trainee qualifies into.
    private static readonly (string Title, string Area, string Group, string Band, string? QualifiesAs)[] Posts =
    [
        ("Genetic Counsellor", "Clinical Genetics", "Additional Professional Scientific and Technical", "Band 7", null),
        ("Trainee Genetic Counsellor", "Clinical Genetics", "Additional Professional Scientific and Technical", "Band 6", "Genetic Counsellor"),
        ("Principal Genetic Counsellor", "Clinical Genetics", "Additional Professional Scientific and Technical", "Band 8a", null),
        ("Clinical Scientist", "Genomics Laboratory", "Healthcare Scientists", "Band 7", null),
        ("STP Trainee Clinical Scientist (Genomics)", "Genomics Laboratory", "Healthcare Scientists", "Band 6", "Clinical Scientist"),
        ("Genetic Technologist", "Genomics Laboratory", "Healthcare Scientists", "Band 5", null),
        ("Bioinformatician", "Genomics Laboratory", "Additional Professional Scientific and Technical", "Band 6", null),
        ("Consultant Clinical Geneticist", "Clinical Genetics", "Medical and Dental", "Consultant", null),
        ("Medical Secretary", "Clinical Genetics", "Administrative and Clerical", "Band 4", null),
    ];

    private static readonly (string Code, int Seed, int People)[] Organisations = [("RTD", 11, 24), ("RTH", 12, 18), ("RHM", 13, 15)];

    public static IReadOnlyList<string> WriteSamples(string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var (code, seed, people) in Organisations)
        {
            var random = new Random(seed);
            var serial = seed * 1000;
            var staff = Enumerable.Range(0, people).Select(i => NewPerson(ref serial, random, i % Posts.Length)).ToList();
            for (var m = 0; m < 13; m++)
            {
                var month = new DateOnly(2023, 4, 1).AddMonths(m);
                var end = new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
                if (m > 0)
                {
                    Evolve(staff, random, ref serial, m);
                }

                if (code == "RTH" && month == new DateOnly(2023, 8, 1))
                {
                    continue; // the missing month: never exported
                }

                var name = $"{code}_staff_in_post_{month:yyyy-MM}.csv";
                if (code == "RHM" && month == new DateOnly(2023, 11, 1))
                {
                    // First submitted without one person, resubmitted with them: the flows follow the resubmission.
                    written.Add(Write(Path.Combine(folder, name), code, staff.Skip(1), end));
                    written.Add(Write(Path.Combine(folder, $"{code}_staff_in_post_{month:yyyy-MM}_resubmitted.csv"), code, staff, end));
                    continue;
                }

                written.Add(Write(Path.Combine(folder, name), code, staff, end));
            }
        }

        return written;
    }

    private static void Evolve(List<Person> staff, Random random, ref int serial, int month)
    {
        // About one leaver a month in an organisation of 20, one or none joining, and trainees qualifying in October.
        staff.RemoveAll(_ => random.NextDouble() < 0.04);
        if (random.NextDouble() < 0.7)
        {
            staff.Add(NewPerson(ref serial, random, random.Next(Posts.Length)));
        }

        if (month == 6)
        {
            foreach (var trainee in staff.Where(p => Posts[p.Post].QualifiesAs is not null).ToList())
            {
                var qualified = Array.FindIndex(Posts, q => q.Title == Posts[trainee.Post].QualifiesAs);
                staff[staff.IndexOf(trainee)] = trainee with { Post = qualified, Assignment = trainee.Assignment + 1 };
            }
        }
    }

    private static Person NewPerson(ref int serial, Random random, int post) =>
        new(++serial, 1, post, random.NextDouble() < 0.25 ? 0.6 : 1.0);

    private static string Write(string path, string organisation, IEnumerable<Person> staff, DateOnly end)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var p in staff)
        {
            var (title, area, group, band, _) = Posts[p.Post];
            text.Append(CultureInfo.InvariantCulture, $"{p.Number},{p.Number}-{p.Assignment},{organisation},{title},{area},{group},{band},Active Assignment,{p.Fte:0.0},{end:dd/MM/yyyy}\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }

    private sealed record Person(int Number, int Assignment, int Post, double Fte);
}
