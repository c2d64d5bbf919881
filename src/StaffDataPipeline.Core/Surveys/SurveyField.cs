namespace StaffDataPipeline.Surveys;

/// <summary>The columns of the survey return template (version 1), whatever a return calls them.</summary>
public enum SurveyField
{
    Role,
    Grade,
    Headcount,
    WteInPost,
    EstablishmentWte,
    VacantWte,
    AgencyLocumWte,
    TrainingWte,
    ProjectedWte5Years,
    ProjectedWte10Years,
    Driver,
    Question,
    Answer,
}
