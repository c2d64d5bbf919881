namespace StaffDataPipeline.SqlServer;

/// <summary>Withdrawing a batch (the rule is <see cref="Warehouse.IBatchWithdrawal"/>'s), set-based in one transaction.</summary>
internal static partial class SqlServerStatements
{
    public const string BatchToWithdraw = """
        SELECT b.file_name AS FileName, b.status AS Status, b.withdrawn_at AS WithdrawnAt, b.withdrawn_by AS WithdrawnBy, b.withdrawn_reason AS Reason
        FROM staffdata.load_batch b WITH (UPDLOCK) WHERE b.batch_id = @batch;
        """;

    /// <summary>
    /// Result sets: the counts withdrawn; the months current again (organisation, date key, batch, file, facts); the
    /// months that cannot come back (superseded before facts were kept); the months with nothing current left; the
    /// return current again; every organisation and month touched (for the derived tables' refresh).
    /// </summary>
    public const string WithdrawBatch = """
        DROP TABLE IF EXISTS #withdrawn_pairs;
        DROP TABLE IF EXISTS #restore;
        CREATE TABLE #withdrawn_pairs (
            organisation_id int NOT NULL, date_key int NOT NULL, organisation_code nvarchar(12) COLLATE DATABASE_DEFAULT NOT NULL,
            PRIMARY KEY (organisation_id, date_key));

        INSERT INTO #withdrawn_pairs (organisation_id, date_key, organisation_code)
        SELECT f.organisation_id, f.snapshot_date_key, o.organisation_code
        FROM staffdata.fact_staff_in_post f JOIN staffdata.dim_organisation o ON o.organisation_id = f.organisation_id
        WHERE f.batch_id = @batch
        UNION
        SELECT o.organisation_id, d.date_key, o.organisation_code
        FROM staffdata.batch_supersession s
        JOIN staffdata.dim_organisation o ON o.organisation_code = s.organisation_code
        JOIN staffdata.dim_date d ON d.calendar_date = s.snapshot_date
        WHERE s.batch_id = @batch;

        DELETE f
        OUTPUT deleted.fact_id, deleted.batch_id, deleted.snapshot_date_key, deleted.organisation_id, deleted.role_id, deleted.grade_id, deleted.person_id,
               deleted.service_area_id, deleted.position_id, deleted.assignment_key, deleted.fte, deleted.contracted_hours, deleted.is_primary, deleted.age_band,
               deleted.rule_id, deleted.taxonomy_version, deleted.source_row, deleted.service_area_rule, NULL
        INTO staffdata.fact_staff_in_post_retired (fact_id, batch_id, snapshot_date_key, organisation_id, role_id, grade_id, person_id, service_area_id, position_id,
               assignment_key, fte, contracted_hours, is_primary, age_band, rule_id, taxonomy_version, source_row, service_area_rule, retired_by_batch_id)
        FROM staffdata.fact_staff_in_post f WHERE f.batch_id = @batch;
        DECLARE @facts bigint = @@ROWCOUNT;

        -- Where nothing current is left, the latest batch still loaded that holds retired facts there.
        SELECT p.organisation_id, p.date_key, p.organisation_code, MAX(r.batch_id) AS batch_id
        INTO #restore
        FROM #withdrawn_pairs p
        JOIN staffdata.fact_staff_in_post_retired r ON r.organisation_id = p.organisation_id AND r.snapshot_date_key = p.date_key AND r.batch_id <> @batch
        JOIN staffdata.load_batch b ON b.batch_id = r.batch_id AND b.status = 'loaded'
        WHERE NOT EXISTS (SELECT 1 FROM staffdata.fact_staff_in_post f WHERE f.organisation_id = p.organisation_id AND f.snapshot_date_key = p.date_key)
        GROUP BY p.organisation_id, p.date_key, p.organisation_code;

        INSERT INTO staffdata.fact_staff_in_post (batch_id, snapshot_date_key, organisation_id, role_id, grade_id, person_id, service_area_id, position_id,
            assignment_key, fte, contracted_hours, is_primary, age_band, rule_id, taxonomy_version, source_row, service_area_rule)
        SELECT r.batch_id, r.snapshot_date_key, r.organisation_id, r.role_id, r.grade_id, r.person_id, r.service_area_id, r.position_id,
            r.assignment_key, r.fte, r.contracted_hours, r.is_primary, r.age_band, r.rule_id, r.taxonomy_version, r.source_row, r.service_area_rule
        FROM staffdata.fact_staff_in_post_retired r
        JOIN #restore x ON x.organisation_id = r.organisation_id AND x.date_key = r.snapshot_date_key AND x.batch_id = r.batch_id;

        DELETE r FROM staffdata.fact_staff_in_post_retired r
        JOIN #restore x ON x.organisation_id = r.organisation_id AND x.date_key = r.snapshot_date_key AND x.batch_id = r.batch_id;

        -- The return leaves the views the way a superseded one does; its key's latest return of a loaded batch is current again.
        DECLARE @return bigint, @organisation int, @type nvarchar(60), @period nvarchar(20), @area int, @restoredReturn bigint, @wasCurrent bit;
        SELECT @return = s.return_id, @organisation = s.organisation_id, @type = s.organisation_type_stated, @period = s.return_period, @area = s.service_area_id,
               @wasCurrent = CASE WHEN s.superseded_by_batch_id IS NULL THEN 1 ELSE 0 END
        FROM staffdata.survey_return s WHERE s.batch_id = @batch;
        IF @return IS NOT NULL
        BEGIN
            UPDATE staffdata.survey_return SET superseded_by_batch_id = COALESCE(superseded_by_batch_id, batch_id), withdrawn_at = @at WHERE return_id = @return;
            IF NOT EXISTS (SELECT 1 FROM staffdata.survey_return s
                           WHERE s.organisation_id = @organisation AND s.organisation_type_stated = @type AND s.return_period = @period AND s.service_area_id = @area
                             AND s.superseded_by_batch_id IS NULL)
            BEGIN
                SELECT TOP (1) @restoredReturn = s.return_id
                FROM staffdata.survey_return s JOIN staffdata.load_batch b ON b.batch_id = s.batch_id
                WHERE s.organisation_id = @organisation AND s.organisation_type_stated = @type AND s.return_period = @period AND s.service_area_id = @area
                  AND b.status = 'loaded' AND s.return_id <> @return
                ORDER BY s.batch_id DESC;
                UPDATE staffdata.survey_return SET superseded_by_batch_id = NULL WHERE return_id = @restoredReturn;
            END;
        END;

        UPDATE staffdata.load_batch SET status = 'withdrawn', withdrawn_at = @at, withdrawn_by = @by, withdrawn_reason = @reason WHERE batch_id = @batch;

        SELECT @facts AS FactsWithdrawn, CAST(CASE WHEN @return IS NULL OR @wasCurrent = 0 THEN 0 ELSE 1 END AS bigint) AS ReturnsWithdrawn;

        SELECT x.organisation_code AS Code, CAST(x.date_key AS bigint) AS DateKey, x.batch_id AS Batch, b.file_name AS FileName,
               (SELECT COUNT_BIG(*) FROM staffdata.fact_staff_in_post f WHERE f.batch_id = x.batch_id AND f.organisation_id = x.organisation_id AND f.snapshot_date_key = x.date_key) AS [Rows]
        FROM #restore x JOIN staffdata.load_batch b ON b.batch_id = x.batch_id
        ORDER BY x.organisation_code, x.date_key;

        SELECT p.organisation_code AS Code, CAST(p.date_key AS bigint) AS DateKey, s.superseded_batch_id AS Batch, b.file_name AS FileName
        FROM #withdrawn_pairs p
        JOIN staffdata.dim_date d ON d.date_key = p.date_key
        JOIN staffdata.batch_supersession s ON s.batch_id = @batch AND s.organisation_code = p.organisation_code AND s.snapshot_date = d.calendar_date
        JOIN staffdata.load_batch b ON b.batch_id = s.superseded_batch_id AND b.status = 'loaded'
        WHERE NOT EXISTS (SELECT 1 FROM staffdata.fact_staff_in_post f WHERE f.organisation_id = p.organisation_id AND f.snapshot_date_key = p.date_key)
        ORDER BY p.organisation_code, p.date_key;

        SELECT p.organisation_code AS Code, CAST(p.date_key AS bigint) AS DateKey
        FROM #withdrawn_pairs p
        WHERE NOT EXISTS (SELECT 1 FROM staffdata.fact_staff_in_post f WHERE f.organisation_id = p.organisation_id AND f.snapshot_date_key = p.date_key)
        ORDER BY p.organisation_code, p.date_key;

        SELECT o.organisation_code AS Code, s.return_period AS Period, a.service_area_name AS ServiceArea, s.batch_id AS Batch, b.file_name AS FileName,
               (SELECT COUNT_BIG(*) FROM staffdata.survey_line l WHERE l.return_id = s.return_id) AS Lines
        FROM staffdata.survey_return s
        JOIN staffdata.dim_organisation o ON o.organisation_id = s.organisation_id
        JOIN staffdata.dim_service_area a ON a.service_area_id = s.service_area_id
        JOIN staffdata.load_batch b ON b.batch_id = s.batch_id
        WHERE s.return_id = @restoredReturn;

        SELECT CAST(p.organisation_id AS bigint) AS OrganisationId, p.date_key AS SnapshotDateKey FROM #withdrawn_pairs p;

        DROP TABLE #restore;
        DROP TABLE #withdrawn_pairs;
        """;
}
