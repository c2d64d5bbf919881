namespace StaffDataPipeline.Surveys;

/// <summary>One data row of a return's Workforce, Demand or Comments sheet, as text.</summary>
public interface ISurveyRecord
{
    SurveySheet Sheet { get; }

    /// <summary>The sheet's name in the workbook, as the person who filled it in sees it.</summary>
    string SheetName { get; }

    /// <summary>1-based, as Excel numbers rows.</summary>
    long RowNumber { get; }

    string? Field(SurveyField field);

    /// <summary>
    /// The field's cell holds a formula that was never calculated (no cached value: written by a script or an
    /// exporter, never opened in a spreadsheet program). Its figure is unknown, not blank.
    /// </summary>
    bool IsUncalculated(SurveyField field);

    /// <summary>The header as written in the workbook for a field, for messages.</summary>
    string ColumnName(SurveyField field);
}
