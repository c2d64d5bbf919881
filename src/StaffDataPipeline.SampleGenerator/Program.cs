using StaffDataPipeline.SampleGenerator;

// Usage:
//   dotnet run --project src/StaffDataPipeline.SampleGenerator -- samples [folder]        regenerate samples/esr, samples/esr-broken, samples/esr-monthly and samples/surveys
//   dotnet run --project src/StaffDataPipeline.SampleGenerator -- national <rows> <file> [genomics share, default 0.01]
//       [--layout nhs-digital|trust] [--inactive share, default 0.07]
//   dotnet run --project src/StaffDataPipeline.SampleGenerator -- survey-returns <count> <folder>
//   dotnet run --project src/StaffDataPipeline.SampleGenerator -- largest-survey <file.xlsx>
var command = args.FirstOrDefault() ?? "samples";
switch (command)
{
    case "samples":
        var root = args.Length > 1 ? args[1] : "samples";
        foreach (var file in new EsrSampleGenerator().WriteSamples(Path.Combine(root, "esr"), Path.Combine(root, "esr-broken")))
        {
            Console.WriteLine(file);
        }

        foreach (var file in MonthlySampleGenerator.WriteSamples(Path.Combine(root, "esr-monthly")))
        {
            Console.WriteLine(file);
        }

        foreach (var file in new SurveySampleGenerator().WriteSamples(Path.Combine(root, "surveys"), Path.Combine(root, "survey-template-v1.xlsx")))
        {
            Console.WriteLine(file);
        }

        return 0;
    case "national" when args.Length >= 3 && int.TryParse(args[1], out var rows):
        var options = NationalOptions(rows, args.Skip(3).ToList());
        if (options is null)
        {
            Console.Error.WriteLine("national: [genomics-share] [--layout nhs-digital|trust] [--inactive share] [--cost-centre-per-row] [--title-per-row]");
            return 2;
        }

        NationalExtract.Write(args[2], options);
        Console.WriteLine($"{rows:N0} rows ({options.Layout}) written to {args[2]}");
        return 0;
    case "survey-returns" when args.Length == 3 && int.TryParse(args[1], out var count):
        Console.WriteLine($"{SurveyBenchmarkFiles.WriteReturns(args[2], count).Count} returns written to {args[2]}");
        return 0;
    case "largest-survey" when args.Length == 2:
        SurveyBenchmarkFiles.WriteLargest(args[1]);
        Console.WriteLine($"{args[1]}: a return whose Workforce sheet has 1,048,576 rows");
        return 0;
    default:
        Console.Error.WriteLine("usage: samples [folder] | national <rows> <file> [genomics-share] [--layout nhs-digital|trust] [--inactive share] [--cost-centre-per-row] [--title-per-row] | survey-returns <count> <folder> | largest-survey <file.xlsx>");
        return 2;
}

static NationalExtractOptions? NationalOptions(int rows, List<string> rest)
{
    var options = new NationalExtractOptions(rows);
    var inv = System.Globalization.CultureInfo.InvariantCulture;
    for (var i = 0; i < rest.Count; i++)
    {
        switch (rest[i])
        {
            case "--layout" when i + 1 < rest.Count && rest[i + 1] is "trust" or "nhs-digital":
                options = options with { Layout = rest[++i] == "trust" ? NationalLayout.TrustBi : NationalLayout.NhsDigital };
                break;
            case "--cost-centre-per-row":
                options = options with { CostCentrePerRow = true };
                break;
            case "--title-per-row":
                options = options with { TitlePerRow = true };
                break;
            case "--inactive" when i + 1 < rest.Count && double.TryParse(rest[i + 1], inv, out var inactive):
                options = options with { InactiveShare = inactive };
                i++;
                break;
            case var share when i == 0 && double.TryParse(share, inv, out var genomics):
                options = options with { GenomicsShare = genomics };
                break;
            default:
                return null;
        }
    }

    return options;
}
