using StaffDataPipeline.Normalisation;

namespace StaffDataPipeline.Warehouse;

/// <summary>One ESR file's facts on their way in: the generic batch, plus the one step only staff in post has.</summary>
public interface IStaffInPostBatchWriter : IBatchWriter<StaffFact>
{
    /// <summary>
    /// Set-based, once all rows are in: removes every later occurrence of an assignment already added for the same
    /// month and organisation, and returns their source rows. The warehouse does this so that memory does not grow
    /// with the file, and so that a bulk-copy adapter (SQL Server) can do it in its staging table.
    /// </summary>
    Task<IReadOnlyList<long>> RemoveDuplicateAssignmentsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True when this writer stores rows more slowly than one thread maps them, so that in a file whose rows are mostly
    /// stored a second mapping thread would only hold rows waiting for it (<c>MappingThreads</c>). False, the default,
    /// keeps every mapping thread: a dry run writes nothing, and a writer that has not been measured is not assumed slow.
    /// </summary>
    bool SlowerThanOneMappingThread => false;
}
