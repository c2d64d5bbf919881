using StaffDataPipeline.Organisations;
using StaffDataPipeline.People;
using StaffDataPipeline.ReferenceData;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Pipeline;

/// <summary>What every file of one run is loaded with: a source kind opens its files against this.</summary>
/// <param name="Organisations">The team's organisations and the ODS release imported into the warehouse (sites roll up to trusts).</param>
/// <param name="DryRun">Validating: nothing is written, not even a key file or a schema.</param>
public sealed record LoadContext(
    ReferenceDataSet Reference,
    OrganisationCatalogue Organisations,
    PersonPseudonymiser Pseudonymiser,
    IWarehouse Warehouse,
    LoadOptions Options,
    TimeProvider Time,
    bool DryRun);
