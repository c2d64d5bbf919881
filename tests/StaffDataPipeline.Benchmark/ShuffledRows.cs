namespace StaffDataPipeline.Benchmark;

/// <summary>
/// A copy of a generated extract with its data rows in random order (seeded), for the case of a file not grouped by
/// organisation. The generator writes each organisation's rows together, as ESR's reports pull them; the caches in front
/// of a whole post's decision rely on that. Shuffled in buckets (each row to one of 64 temporary files at random, then
/// each file shuffled in memory), so that a 1.5 million-row file never needs to be held whole. The generator writes one
/// record a line.
/// </summary>
internal static class ShuffledRows
{
    private const int Buckets = 64;

    public static void Write(string source, string target, int seed)
    {
        var random = new Random(seed);
        var buckets = Enumerable.Range(0, Buckets).Select(_ => Path.GetTempFileName()).ToArray();
        try
        {
            string header;
            using (var reader = new StreamReader(source))
            {
                header = reader.ReadLine() ?? string.Empty;
                var writers = buckets.Select(b => new StreamWriter(b)).ToArray();
                for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
                {
                    writers[random.Next(Buckets)].WriteLine(line);
                }

                foreach (var writer in writers)
                {
                    writer.Dispose();
                }
            }

            using var output = new StreamWriter(target, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            output.WriteLine(header.TrimStart('\uFEFF'));
            foreach (var bucket in buckets)
            {
                var lines = File.ReadAllLines(bucket);
                random.Shuffle(lines);
                foreach (var line in lines)
                {
                    output.WriteLine(line);
                }
            }
        }
        finally
        {
            foreach (var bucket in buckets)
            {
                File.Delete(bucket);
            }
        }
    }
}
