namespace StaffDataPipeline.Planning;

/// <summary>
/// Role changes inside one organisation over a window of <see cref="ObservedMonths"/> months: people in post in the
/// organisation at both ends whose role changed from <see cref="FromRole"/> to <see cref="ToRole"/> (promotions, a
/// counsellor becoming a principal). A trainee qualifying is not one: the training routes project those.
/// </summary>
public sealed record MoveCell(string OrganisationCode, string FromRole, string ToRole, int ObservedMonths, int Moves);
