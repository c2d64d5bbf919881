using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace StaffDataPipeline.People;

/// <summary>
/// One key per warehouse. Finds the configured key or key file and checks it against the key check the warehouse
/// recorded with its first data. A key file is created only for a warehouse that holds no pseudonymised data yet; a
/// process that finds data but no key (another service account's home folder, a lost key file) stops instead of
/// minting a new key and splitting every person in two.
/// </summary>
public sealed class WarehouseKeyGuard
{
    private readonly PseudonymisationKeySource _source;
    private readonly string? _configuredKey;
    private readonly string? _keyFile;
    private readonly string _warehouse;
    private readonly ILogger _logger;

    /// <param name="warehouse">Where the warehouse is, for messages.</param>
    /// <param name="logger">Told when a key file is created: the one moment a data engineer must learn where it is.</param>
    public WarehouseKeyGuard(PseudonymisationKeySource source, string? configuredKey, string? keyFile, string warehouse, ILogger<WarehouseKeyGuard>? logger = null)
    {
        _source = source;
        _configuredKey = configuredKey;
        _keyFile = keyFile;
        _warehouse = warehouse;
        _logger = logger ?? NullLogger<WarehouseKeyGuard>.Instance;
    }

    /// <param name="state">What the warehouse recorded.</param>
    /// <param name="readOnly">For `validate`: no key file is created; with no key at all, a throwaway key is used (nothing is stored).</param>
    public PersonPseudonymiser PseudonymiserFor(WarehouseKeyState state, bool readOnly)
    {
        ArgumentNullException.ThrowIfNull(state);
        var found = PseudonymisationKeySource.Find(_configuredKey, _keyFile);
        if (found is null)
        {
            if (readOnly)
            {
                return new PersonPseudonymiser(RandomNumberGenerator.GetBytes(PersonPseudonymiser.MinimumKeyBytes));
            }

            if (state.KeyCheck is not null || state.HasPersonData)
            {
                throw new KeyMismatchException(
                    $"The warehouse {_warehouse} already holds pseudonymised data, but no pseudonymisation key was found (Pseudonymisation:Key is not set and the key file {PseudonymisationKeySource.KeyFilePath(_keyFile)} does not exist). " +
                    "A new key would give every person a second identity, so nothing was loaded. Set STAFFDATA__PSEUDONYMISATION__KEY, or Pseudonymisation:KeyFile, to the key this warehouse was loaded with " +
                    "(by default it is ~/.config/staffdata/pseudonymisation.key of the account that made the first load).");
            }

            found = _source.Create(_keyFile);
            _logger.LogWarning(
                "Created a new pseudonymisation key in {KeyFile} for {Warehouse}. Back it up, apart from the warehouse's own backups: without it nothing can be loaded into this warehouse again (people would get a second identity), and with it the pseudonyms can be tested against known identifiers.",
                Path.GetFullPath(PseudonymisationKeySource.KeyFilePath(_keyFile)), _warehouse);
        }

        var pseudonymiser = new PersonPseudonymiser(found.Value.Key);
        if (state.KeyCheck is { } recorded && !string.Equals(recorded, pseudonymiser.KeyCheck, StringComparison.Ordinal))
        {
            throw new KeyMismatchException(
                $"The warehouse {_warehouse} was loaded with a different pseudonymisation key (key check {recorded[..8]}…) from the one found in {found.Value.Origin} (key check {pseudonymiser.KeyCheck[..8]}…). " +
                "Loading with it would give every person a second identity, so nothing was loaded. Use the original key: set STAFFDATA__PSEUDONYMISATION__KEY, or Pseudonymisation:KeyFile, to where it is kept " +
                "(by default ~/.config/staffdata/pseudonymisation.key of the account that made the first load).");
        }

        return pseudonymiser;
    }
}
