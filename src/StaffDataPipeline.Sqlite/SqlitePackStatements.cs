namespace StaffDataPipeline.Sqlite;

/// <summary>The planning pack's reads in SQLite: what the run stood on (ESR snapshots and batches, current returns) and the returns' workforce figures.</summary>
internal static class SqlitePackStatements
{
    /// <summary>Per organisation: snapshots loaded, the first and latest, and the batches its current facts came from.</summary>
    public const string Esr =
        """
        WITH snaps AS (
            SELECT organisation_id, COUNT(*) AS snapshots, MIN(snapshot_date_key) AS first_key, MAX(snapshot_date_key) AS latest_key
            FROM derived_organisation_snapshot GROUP BY organisation_id),
        batches AS (
            SELECT organisation_id, COUNT(DISTINCT batch_id) AS batches, MAX(batch_id) AS latest_batch
            FROM fact_staff_in_post GROUP BY organisation_id)
        SELECT o.organisation_code, o.organisation_name, s.snapshots, s.first_key, s.latest_key, COALESCE(b.batches, 0), COALESCE(b.latest_batch, 0)
        FROM snaps s
        JOIN dim_organisation o ON o.organisation_id = s.organisation_id
        LEFT JOIN batches b ON b.organisation_id = s.organisation_id
        ORDER BY o.organisation_code
        """;

    /// <summary>The returns the plan reads: each organisation's latest current (not superseded or withdrawn) return per service area.</summary>
    private const string CurrentReturn =
        """
        current_return AS (
            SELECT s.return_id, s.batch_id, s.organisation_id, s.service_area_id, s.return_period, s.period_date_key FROM survey_return s
            WHERE s.superseded_by_batch_id IS NULL
              AND s.period_date_key = (SELECT MAX(x.period_date_key) FROM survey_return x
                                       WHERE x.organisation_id = s.organisation_id AND x.service_area_id = s.service_area_id AND x.superseded_by_batch_id IS NULL))
        """;

    public const string Returns =
        $"""
        WITH {CurrentReturn}
        SELECT o.organisation_code, o.organisation_name, a.service_area_name, c.return_period, c.period_date_key, c.batch_id
        FROM current_return c
        JOIN dim_organisation o ON o.organisation_id = c.organisation_id
        JOIN dim_service_area a ON a.service_area_id = c.service_area_id
        ORDER BY o.organisation_code, a.service_area_name, c.return_period
        """;

    /// <summary>The current returns' WTE in post, establishment and vacant WTE by organisation and role (service areas added up; a blank is 0).</summary>
    public const string ReturnWorkforce =
        $"""
        WITH {CurrentReturn}
        SELECT o.organisation_code, r.role_code, COALESCE(SUM(f.wte_in_post), 0.0), COALESCE(SUM(f.establishment_wte), 0.0), COALESCE(SUM(f.vacant_wte), 0.0)
        FROM current_return c
        JOIN fact_survey_workforce f ON f.return_id = c.return_id
        JOIN dim_organisation o ON o.organisation_id = c.organisation_id
        JOIN dim_role r ON r.role_id = f.role_id
        WHERE r.role_code NOT IN ('OUT-OF-SCOPE', 'UNMAPPED')
        GROUP BY o.organisation_code, r.role_code
        ORDER BY o.organisation_code, r.role_code
        """;
}
