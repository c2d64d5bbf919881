namespace StaffDataPipeline.Hosting;

/// <summary>Checks the settings at start-up, so a wrong value stops the program before it touches a file.</summary>
public static class SettingsValidator
{
    /// <param name="warehouse">The chosen warehouse, whose own settings its provider has checked (<see cref="WarehouseProviders.Configure"/>).</param>
    public static IReadOnlyList<string> Validate(Warehouse.ConfiguredWarehouse warehouse, ReferenceDataSettings reference, Pipeline.LoadOptions load)
    {
        var errors = new List<string>(load.Validate());
        errors.AddRange(warehouse.Errors);

        if (!Directory.Exists(reference.Resolve()))
        {
            errors.Add($"ReferenceData:Path '{reference.Resolve()}' is not a folder.");
        }

        return errors;
    }
}
