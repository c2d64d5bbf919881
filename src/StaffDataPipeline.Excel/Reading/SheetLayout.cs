using StaffDataPipeline.Surveys;

namespace StaffDataPipeline.Excel.Reading;

/// <summary>What the first pass learnt about one sheet: what it is and where its header row is.</summary>
internal sealed record SheetLayout(int Index, string Name, SurveySheet Kind, int HeaderRow, IReadOnlyDictionary<SurveyField, int> Columns, IReadOnlyDictionary<SurveyField, string> Headings);
