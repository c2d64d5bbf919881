using StaffDataPipeline.SampleGenerator;

// Usage:
//   dotnet run --project src/StaffDataPipeline.SampleGenerator -- samples [folder]        regenerate samples/esr, samples/esr-broken, samples/esr-monthly and samples/surveys
//   dotnet run --project src/StaffDataPipeline.SampleGenerator -- national <rows> <file> [genomics share, default 0.01]
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
        var share = args.Length > 3 ? double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 0.01;
        EsrSampleGenerator.WriteNational(args[2], rows, share);
        Console.WriteLine($"{rows:N0} rows written to {args[2]}");
        return 0;
    default:
        Console.Error.WriteLine("usage: samples [folder] | national <rows> <file> [genomics-share]");
        return 2;
}
