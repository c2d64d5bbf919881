using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.Data.SqlClient;

namespace StaffDataPipeline.SqlServer;

/// <summary>
/// Keeps the derived tables the analyst views read in step with fact_staff_in_post, in the transaction of whatever
/// changed the facts (an ESR batch, a withdrawal, a remap): set-based, one round trip whatever the number of
/// organisation-months (they travel as one JSON parameter). See <see cref="SqlServerStatements.RefreshDerivedTables"/>.
/// </summary>
internal static class SqlServerDerivedTables
{
    public static async Task RefreshAsync(
        SqlConnection connection, SqlTransaction tx, IReadOnlyCollection<(long OrganisationId, int SnapshotDateKey)> touched, int? commandTimeoutSeconds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(touched);
        if (touched.Count == 0)
        {
            return;
        }

        var pairs = new StringBuilder("[");
        foreach (var (organisation, date) in touched)
        {
            pairs.Append(pairs.Length > 1 ? ",[" : "[").Append(organisation.ToString(CultureInfo.InvariantCulture)).Append(',').Append(date.ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        pairs.Append(']');
        await connection.ExecuteAsync(new CommandDefinition(
            SqlServerStatements.TouchedPairs + "\n" + SqlServerStatements.RefreshDerivedTables + "\n" + SqlServerStatements.DropTouched,
            new { pairs = pairs.ToString() },
            tx,
            commandTimeoutSeconds,
            cancellationToken: ct));
    }
}
