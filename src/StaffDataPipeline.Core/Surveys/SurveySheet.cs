namespace StaffDataPipeline.Surveys;

/// <summary>The sheets of a return. A workbook's sheets are recognised by name or, failing that, by their header row.</summary>
public enum SurveySheet
{
    Cover,
    Workforce,
    Demand,
    Comments,
}
