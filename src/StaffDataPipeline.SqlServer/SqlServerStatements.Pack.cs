namespace StaffDataPipeline.SqlServer;

/// <summary>The planning pack's reads on SQL Server (as SqlitePackStatements): ESR coverage, the current returns, their workforce figures.</summary>
internal static partial class SqlServerStatements
{
    public const string PackEsr = """
        WITH snaps AS (
            SELECT organisation_id, COUNT(*) AS snapshots, MIN(snapshot_date_key) AS first_key, MAX(snapshot_date_key) AS latest_key
            FROM staffdata.derived_organisation_snapshot GROUP BY organisation_id),
        batches AS (
            SELECT organisation_id, COUNT(DISTINCT batch_id) AS batches, MAX(batch_id) AS latest_batch
            FROM staffdata.fact_staff_in_post GROUP BY organisation_id)
        SELECT o.organisation_code, o.organisation_name, s.snapshots, s.first_key, s.latest_key, COALESCE(b.batches, 0) AS batches, COALESCE(b.latest_batch, 0) AS latest_batch
        FROM snaps s
        JOIN staffdata.dim_organisation o ON o.organisation_id = s.organisation_id
        LEFT JOIN batches b ON b.organisation_id = s.organisation_id
        ORDER BY o.organisation_code;
        """;

    public const string PackReturns = """
        WITH current_return AS (
            SELECT s.return_id, s.batch_id, s.organisation_id, s.service_area_id, s.return_period, s.period_date_key FROM staffdata.survey_return s
            WHERE s.superseded_by_batch_id IS NULL
              AND s.period_date_key = (SELECT MAX(x.period_date_key) FROM staffdata.survey_return x
                                       WHERE x.organisation_id = s.organisation_id AND x.service_area_id = s.service_area_id AND x.superseded_by_batch_id IS NULL))
        SELECT o.organisation_code, o.organisation_name, a.service_area_name, c.return_period, c.period_date_key, c.batch_id
        FROM current_return c
        JOIN staffdata.dim_organisation o ON o.organisation_id = c.organisation_id
        JOIN staffdata.dim_service_area a ON a.service_area_id = c.service_area_id
        ORDER BY o.organisation_code, a.service_area_name, c.return_period;
        """;

    public const string PackReturnWorkforce = """
        WITH current_return AS (
            SELECT s.return_id, s.organisation_id FROM staffdata.survey_return s
            WHERE s.superseded_by_batch_id IS NULL
              AND s.period_date_key = (SELECT MAX(x.period_date_key) FROM staffdata.survey_return x
                                       WHERE x.organisation_id = s.organisation_id AND x.service_area_id = s.service_area_id AND x.superseded_by_batch_id IS NULL))
        SELECT o.organisation_code, r.role_code,
               CAST(COALESCE(SUM(f.wte_in_post), 0) AS float) AS wte_in_post,
               CAST(COALESCE(SUM(f.establishment_wte), 0) AS float) AS establishment_wte,
               CAST(COALESCE(SUM(f.vacant_wte), 0) AS float) AS vacant_wte
        FROM current_return c
        JOIN staffdata.fact_survey_workforce f ON f.return_id = c.return_id
        JOIN staffdata.dim_organisation o ON o.organisation_id = c.organisation_id
        JOIN staffdata.dim_role r ON r.role_id = f.role_id
        WHERE r.role_code NOT IN (N'OUT-OF-SCOPE', N'UNMAPPED')
        GROUP BY o.organisation_code, r.role_code
        ORDER BY o.organisation_code, r.role_code;
        """;
}
