namespace StaffDataPipeline.Planning;

/// <summary>Trainees who started on a route in an organisation in the 12 months before the snapshot: the default commissions a year.</summary>
public sealed record StarterCell(string OrganisationCode, string RouteCode, int Starters);
