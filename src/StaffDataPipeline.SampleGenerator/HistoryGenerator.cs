using System.Globalization;
using System.Text;

namespace StaffDataPipeline.SampleGenerator;

/// <summary>Months of national history: how many monthly snapshots, of how many people, in how many organisations.</summary>
public sealed record HistoryOptions(int Months = 60, int People = 20_000, int Organisations = 200, int Seed = 19)
{
    public void Validate()
    {
        if (Months is < 1 or > 240 || People < 10 || Organisations is < 1 or > 1296 || Organisations > People)
        {
            throw new ArgumentException("months must be 1 to 240, people at least 10 and at least the organisations, organisations 1 to 1296.");
        }
    }
}

/// <summary>
/// A national genomics workforce month by month, one ESR export per month keyed on the Unique NHS Identifier, for the
/// analyst-view benchmark: every month about 1.2% of people leave and as many join, 0.4% move to another
/// organisation (same identifier, so a mover), 0.3% change role within their organisation, trainees qualify after two
/// to three years (a role move), and about 8% hold a second assignment. Deterministic: same options, same bytes.
/// </summary>
public static class HistoryGenerator
{
    private const string Header = "Unique Nhs Identifier,Assignment Number,Organisation Code,Position Title,Area of Work,Staff Group,Pay Band,Assignment Status,FTE";

    // Title, area, staff group, band, the post a trainee qualifies into (index), and a weight for new starters.
    private static readonly (string Title, string Area, string Group, string Band, int QualifiesAs, int Weight)[] Posts =
    [
        ("Genetic Counsellor", "Clinical Genetics", "Additional Professional Scientific and Technical", "Band 7", -1, 14),
        ("Trainee Genetic Counsellor", "Clinical Genetics", "Additional Professional Scientific and Technical", "Band 6", 0, 5),
        ("Principal Genetic Counsellor", "Clinical Genetics", "Additional Professional Scientific and Technical", "Band 8a", -1, 4),
        ("Clinical Scientist", "Genomics Laboratory", "Healthcare Scientists", "Band 7", -1, 20),
        ("STP Trainee Clinical Scientist (Genomics)", "Genomics Laboratory", "Healthcare Scientists", "Band 6", 3, 6),
        ("Genetic Technologist", "Genomics Laboratory", "Healthcare Scientists", "Band 5", -1, 22),
        ("Bioinformatician", "Genomics Laboratory", "Additional Professional Scientific and Technical", "Band 6", -1, 9),
        ("Consultant Clinical Geneticist", "Clinical Genetics", "Medical and Dental", "Consultant", -1, 6),
        ("Medical Secretary", "Clinical Genetics", "Administrative and Clerical", "Band 4", -1, 14),
    ];

    private static readonly int TotalWeight = Posts.Sum(p => p.Weight);

    /// <summary>Writes one file per month into <paramref name="folder"/> (national_staff_in_post_yyyy-MM.csv) and returns them in order.</summary>
    public static IReadOnlyList<string> Write(string folder, HistoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Directory.CreateDirectory(folder);
        var random = new Random(options.Seed);
        var organisations = Enumerable.Range(0, options.Organisations).Select(Code).ToArray();
        var serial = 1_000_000;
        var staff = Enumerable.Range(0, options.People).Select(i => NewPerson(ref serial, random, organisations[i % organisations.Length], 0)).ToList();
        var written = new List<string>();
        var first = new DateOnly(2021, 4, 1);
        for (var m = 0; m < options.Months; m++)
        {
            if (m > 0)
            {
                Evolve(staff, random, ref serial, organisations, m);
            }

            var month = first.AddMonths(m);
            var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"national_staff_in_post_{month:yyyy-MM}.csv"));
            WriteMonth(path, staff);
            written.Add(path);
        }

        return written;
    }

    private static string Code(int i) => string.Create(CultureInfo.InvariantCulture, $"Z{Base36(i / 36)}{Base36(i % 36)}");

    private static char Base36(int digit) => (char)(digit < 10 ? '0' + digit : 'A' + digit - 10);

    private static void Evolve(List<Person> staff, Random random, ref int serial, string[] organisations, int month)
    {
        var leavers = staff.RemoveAll(_ => random.NextDouble() < 0.012);
        for (var i = 0; i < leavers; i++)
        {
            staff.Add(NewPerson(ref serial, random, organisations[random.Next(organisations.Length)], month));
        }

        for (var i = 0; i < staff.Count; i++)
        {
            var p = staff[i];
            var roll = random.NextDouble();
            if (roll < 0.004)
            {
                // A move to another organisation: a new assignment there, under the same national identifier.
                staff[i] = p with { Organisation = organisations[random.Next(organisations.Length)], Assignment = p.Assignment + 2 };
            }
            else if (roll < 0.007)
            {
                staff[i] = p with { Post = PickPost(random), Assignment = p.Assignment + 2 };
            }
            else if (Posts[p.Post].QualifiesAs >= 0 && month - p.Since >= 24 && random.NextDouble() < 0.08)
            {
                staff[i] = p with { Post = Posts[p.Post].QualifiesAs, Assignment = p.Assignment + 2, Since = month };
            }
        }
    }

    private static int PickPost(Random random)
    {
        var pick = random.Next(TotalWeight);
        for (var i = 0; i < Posts.Length; i++)
        {
            pick -= Posts[i].Weight;
            if (pick < 0)
            {
                return i;
            }
        }

        return 0;
    }

    private static Person NewPerson(ref int serial, Random random, string organisation, int month)
    {
        var post = PickPost(random);
        var second = random.NextDouble() < 0.08 ? PickPost(random) : -1;
        var fte = second >= 0 ? 0.6 : random.NextDouble() < 0.25 ? 0.8 : 1.0;
        return new Person(++serial, 1, organisation, post, fte, second, month);
    }

    private static void WriteMonth(string path, List<Person> staff)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var p in staff)
        {
            Row(writer, p, p.Post, p.Assignment, p.Fte);
            if (p.Second >= 0)
            {
                Row(writer, p, p.Second, p.Assignment + 1, 0.4);
            }
        }
    }

    private static void Row(StreamWriter writer, Person p, int post, int assignment, double fte)
    {
        var (title, area, group, band, _, _) = Posts[post];
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{p.Number},{p.Number}-{assignment},{p.Organisation},{title},{area},{group},{band},Active Assignment,{fte:0.0}\n"));
    }

    private sealed record Person(int Number, int Assignment, string Organisation, int Post, double Fte, int Second, int Since);
}
