namespace StaffDataPipeline.People;

/// <summary>What a warehouse says about the key its data was pseudonymised with.</summary>
public sealed record WarehouseKeyState(string? KeyCheck, bool HasPersonData)
{
    public static WarehouseKeyState Empty { get; } = new(null, false);
}
