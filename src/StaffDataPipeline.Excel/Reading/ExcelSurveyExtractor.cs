using StaffDataPipeline.Excel.Safety;
using StaffDataPipeline.Extraction;
using StaffDataPipeline.Surveys;

namespace StaffDataPipeline.Excel.Reading;

/// <summary>Survey return workbooks (.xlsx, .xls), recognised by their bytes, not only their extension.</summary>
public sealed class ExcelSurveyExtractor : ISurveyExtractor
{
    private static readonly string[] Extensions = [".XLSX", ".XLSM", ".XLS"];
    private readonly SurveyAliases _aliases;
    private readonly WorkbookLimits _limits;

    public ExcelSurveyExtractor(SurveyAliases aliases, WorkbookLimits? limits = null)
    {
        _aliases = aliases;
        _limits = limits ?? new WorkbookLimits();
    }

    public string Name => "survey-workbook";

    // A file named like a workbook is claimed even when its bytes are not one, so that it is refused with a reason
    // ("not a spreadsheet") rather than "no extractor recognises it".
    public int Probe(SourceFile file) =>
        WorkbookGuard.Kind(file.Path) != WorkbookKind.Neither ? 30 : Extensions.Contains(Path.GetExtension(file.Path).ToUpperInvariant()) ? 5 : 0;

    public ISurveyExtraction Open(SourceFile file)
    {
        var kind = WorkbookGuard.Check(file, _limits);
        IReadOnlyDictionary<string, HashSet<(int Row, int Column)>> uncalculated;
        try
        {
            uncalculated = kind == WorkbookKind.OpenXml ? UncalculatedFormulas.Find(file.Path) : new Dictionary<string, HashSet<(int Row, int Column)>>();
        }
        catch (Exception ex) when (WorkbookDamage.IsDamage(ex))
        {
            throw WorkbookDamage.Rejection(file, ex);
        }

        var reader = WorkbookReader.Open(file);
        try
        {
            return new ExcelSurveyExtraction(file, reader, _aliases, _limits, uncalculated);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }
}
