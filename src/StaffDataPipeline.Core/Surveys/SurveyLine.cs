using StaffDataPipeline.Grades;
using StaffDataPipeline.Taxonomy;

namespace StaffDataPipeline.Surveys;

/// <summary>A typed row of a return, ready to load: a workforce line, a projection or a comment.</summary>
public abstract record SurveyLine(string SheetName, long RowNumber);

public sealed record WorkforceLine(
    string SheetName,
    long RowNumber,
    RoleDecision Role,
    Grade Grade,
    string RoleAsWritten,
    string? GradeAsWritten,
    decimal? Headcount,
    decimal? WteInPost,
    decimal? EstablishmentWte,
    decimal? VacantWte,
    decimal? AgencyLocumWte,
    decimal? TrainingWte) : SurveyLine(SheetName, RowNumber);

public sealed record ProjectionLine(string SheetName, long RowNumber, RoleDecision Role, Grade Grade, string RoleAsWritten, string? GradeAsWritten, int HorizonYears, decimal ProjectedWte, string? Driver)
    : SurveyLine(SheetName, RowNumber);

public sealed record CommentLine(string SheetName, long RowNumber, string Question, string Answer) : SurveyLine(SheetName, RowNumber);

/// <summary>A consistency concern that does not stop the line loading, recorded for a reviewer.</summary>
public sealed record SurveyWarning(string SheetName, long RowNumber, string RuleCode, string Message);
