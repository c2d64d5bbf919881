using System.Globalization;

namespace StaffDataPipeline.SampleGenerator;

/// <summary>The column layout of a generated national extract.</summary>
public enum NationalLayout
{
    /// <summary>NHS Digital warehouse style: 15 columns, about 175 bytes a row, one cost centre per area of work.</summary>
    NhsDigital,

    /// <summary>
    /// Trust ESR BI staff-in-post report: 26 columns (both identifiers, pay band and grade code, names, e-mail and registration number), about 350 bytes a
    /// row, a cost centre per department per trust and titles as trusts decorate them, so most rows are a distinct post.
    /// </summary>
    TrustBi,
}

/// <summary>
/// What to generate: <paramref name="InactiveShare"/> of rows have an assignment status that does not count; with
/// <paramref name="CostCentrePerRow"/> (trust layout) each row draws a cost centre of its own, so almost every row is a
/// post of its own (about 1.4 million distinct posts in 1.5 million rows); with <paramref name="TitlePerRow"/> (trust
/// layout only, as is the cost centre per row) each title carries the row's position number, so every title is met once.
/// </summary>
public sealed record NationalExtractOptions(int Rows, double GenomicsShare = 0.01, NationalLayout Layout = NationalLayout.NhsDigital, double InactiveShare = 0.07, int Seed = 7, bool CostCentrePerRow = false, bool TitlePerRow = false)
{
    public void Validate()
    {
        if (Rows < 0 || GenomicsShare is < 0 or > 1 || InactiveShare is < 0 or > 1)
        {
            throw new ArgumentException("Rows must be 0 or more; the genomics and inactive shares must be between 0 and 1.");
        }
    }
}

/// <summary>
/// National-scale ESR extracts for the load benchmark, streamed: memory does not grow with the number of rows.
/// The trust layout has the cardinalities of real staff-in-post data: about 210 organisations, thousands of distinct
/// titles (a base title with a ward, team or site as trusts write them), about 30,000 cost centres (per department
/// per trust) and one person per row, so the role mapper's decision cache cannot lean on repeated posts.
/// </summary>
public static class NationalExtract
{
    private static readonly (string Code, string Name)[] Organisations = OrganisationList();
    private static readonly string[] Wards = Enumerable.Range(1, 40).Select(i => $"Ward {i}{(i % 3 == 0 ? "B" : string.Empty)}").ToArray();
    private static readonly string[] GenomicsTeams = ["Cancer", "Rare Disease", "Prenatal", "Cardiac", "GLH", "Haemato-oncology", "Paediatric", "Adult"];
    private static readonly string[] Prefixes = ["Senior", "Rotational", "Lead", "Deputy", "Band 6"];

    public static void Write(string path, NationalExtractOptions options)
    {
        options.Validate();
        var random = new Random(options.Seed);
        if (options.Layout == NationalLayout.NhsDigital)
        {
            EsrFileWriter.Write(path, EsrStyle.NhsDigital, NhsDigitalRows(random, options));
            return;
        }

        EsrFileWriter.Write(path, EsrStyle.TrustBiNational, TrustRows(random, options));
    }

    private static IEnumerable<SampleRow> NhsDigitalRows(Random random, NationalExtractOptions options)
    {
        for (var i = 0; i < options.Rows; i++)
        {
            var org = Organisations[(int)((long)i * Organisations.Length / options.Rows)];
            var template = random.NextDouble() < options.GenomicsShare ? Pick(random, PostTemplates.Genomics) : Pick(random, PostTemplates.Other);
            var person = SyntheticPerson.Create(random, i);
            yield return EsrSampleGenerator.Row(random, org.Code, org.Name, person, 1, template, EsrSampleGenerator.Months[0], primary: true);
        }
    }

    // As some trusts' exports have it: the position number written into the title ("Staff Nurse RQ3-0001234"), so that
    // no two rows share a title.
    private static string TitleOf(Random random, PostTemplate post, bool genomics, string department, string code, int? row)
    {
        var title = Decorate(random, Pick(random, post.Titles), genomics, department, code);
        return row is { } r ? string.Create(CultureInfo.InvariantCulture, $"{title} {code}-{r:D7}") : title;
    }

    private static IEnumerable<SampleRow> TrustRows(Random random, NationalExtractOptions options)
    {
        var snapshot = EsrSampleGenerator.Months[0];
        for (var i = 0; i < options.Rows; i++)
        {
            var orgIndex = (int)((long)i * Organisations.Length / options.Rows);
            var (code, name) = Organisations[orgIndex];
            var genomics = random.NextDouble() < options.GenomicsShare;
            var post = genomics ? Pick(random, PostTemplates.Genomics) : Pick(random, PostTemplates.Other);
            var person = SyntheticPerson.Create(random, i);
            var (department, costCentre) = CostCentre(random, orgIndex, post.AreaOfWork, genomics);
            if (options.CostCentrePerRow)
            {
                // As some trusts' exports have it: a cost centre of its own drawn per row, so that almost every row is a post of its own.
                costCentre = $"{random.Next(10_000_000).ToString("D7", CultureInfo.InvariantCulture)} {department}";
            }

            var status = random.NextDouble() < options.InactiveShare
                ? Pick(random, ["Suspend Assignment", "Inactive Not Worked", "Out on External Secondment - Paid"])
                : random.Next(40) == 0 ? "Internal Secondment" : "Active Assignment";
            var contract = random.Next(100) switch
            {
                < 10 => "Fixed Term Temp",
                < 12 => "Locum",
                _ => "Permanent",
            };
            var fte = random.Next(4) == 0 ? random.Next(40, 100) / 100m : 1m;
            yield return new SampleRow(
                code,
                name,
                person,
                1,
                TitleOf(random, post, genomics, department, code, options.TitlePerRow ? i : null),
                post.StaffGroup,
                post.OccupationCode,
                post.AreaOfWork,
                post.JobRole,
                Pick(random, post.Grades),
                status,
                contract,
                fte.ToString("0.0000", CultureInfo.InvariantCulture),
                Primary: true,
                snapshot,
                costCentre);
        }
    }

    /// <summary>
    /// A department's cost centre: a number unique to the trust and department, and the department's name. Large areas
    /// (wards, theatres) have many departments per trust; genomics services have one or two.
    /// </summary>
    private static (string Department, string CostCentre) CostCentre(Random random, int orgIndex, string area, bool genomics)
    {
        var departments = genomics ? 2 : 14;
        var d = random.Next(departments);
        var department = genomics ? (d == 0 ? area : $"{area} {Pick(random, GenomicsTeams)}") : (d == 0 ? area : $"{area} {Wards[d]}");
        var areaNumber = area.Aggregate(0, (h, c) => (h * 31 + c) % 997);
        var number = ((orgIndex + 1) * 100_000) + (areaNumber * 100) + d;
        return (department, $"{number.ToString(CultureInfo.InvariantCulture)} {department}");
    }

    /// <summary>Titles as trusts write them: plain, with a ward or team, with a site, or with a seniority prefix.</summary>
    private static string Decorate(Random random, string title, bool genomics, string department, string orgCode) => random.Next(10) switch
    {
        < 4 => title,
        < 6 => genomics ? $"{title} - {Pick(random, GenomicsTeams)}" : $"{title} - {Pick(random, Wards)}",
        < 8 => $"{title} ({orgCode}{random.Next(1, 5).ToString(CultureInfo.InvariantCulture)})",
        < 9 => genomics ? title : $"{Pick(random, Prefixes)} {title}",
        _ => $"{title}, {department}",
    };

    private static (string Code, string Name)[] OrganisationList()
    {
        var real = EsrSampleGenerator.OrganisationCodes;
        var synthetic = Enumerable.Range(0, 200).Select(i => ($"R{(char)('A' + (i / 26 % 26))}{(char)('A' + (i % 26))}", $"Synthetic Trust {i}"));
        return real.Concat(synthetic).ToArray();
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static PostTemplate Pick(Random random, PostTemplate[] templates) => EsrSampleGenerator.Pick(random, templates);
}
