using System.Text.RegularExpressions;

namespace StaffDataPipeline.Normalisation;

/// <summary>Reads the snapshot month from a file name such as "RGT_sip_202303.csv" or "RGT-2023-03.csv".</summary>
public static partial class SnapshotFromFileName
{
    public static DateOnly? Find(string fileName)
    {
        var m = MonthInName().Match(Path.GetFileNameWithoutExtension(fileName));
        return m.Success && TextValues.TryMonth(m.Groups["y"].Value + m.Groups["m"].Value, out var monthEnd) ? monthEnd : null;
    }

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})[-_ ]?(?<m>0[1-9]|1[0-2])(?!\d)")]
    private static partial Regex MonthInName();
}
