namespace StaffDataPipeline.SqlServer;

/// <summary>
/// Every statement the adapter sends, in one place, so that the tests can parse each with Microsoft's T-SQL parser and
/// bind its tables and columns against the CREATE TABLE definitions in sql/sqlserver. Set-based throughout: the number
/// of statements per file does not depend on its rows. No MERGE (its concurrency bugs are documented at length):
/// upserts are INSERT … WHERE NOT EXISTS under UPDLOCK, HOLDLOCK, and what must be serial takes an application lock.
/// </summary>
internal static partial class SqlServerStatements
{
    /// <summary>
    /// The commit lock: waits at most @lockTimeoutMs (never for ever) and fails loudly when not granted: sp_getapplock
    /// reports a timeout (-1), a cancel (-2) or a deadlock (-3) only in its return code, so an unchecked call would go on
    /// without the lock. The error numbers are the adapter's own (<see cref="SqlServerLocks"/>).
    /// </summary>
    public const string CommitLock = """
        DECLARE @granted int;
        EXEC @granted = sp_getapplock @Resource = N'staffdata:commit', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = @lockTimeoutMs;
        IF @granted = -1 THROW 51001, N'The warehouse commit lock was not granted in time: another load is committing. The file is retried later.', 1;
        IF @granted = -3 THROW 51003, N'The warehouse commit lock request was chosen as a deadlock victim.', 1;
        IF @granted < 0 THROW 51002, N'The warehouse commit lock was not granted.', 1;
        """;

    /// <summary>The lock on one file's hash while its batch begins; checked like <see cref="CommitLock"/>.</summary>
    public const string FileLock = """
        DECLARE @granted int;
        EXEC @granted = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = @lockTimeoutMs;
        IF @granted = -1 THROW 51001, N'The lock on this file was not granted in time: another node is beginning the same file.', 1;
        IF @granted = -3 THROW 51003, N'The lock request on this file was chosen as a deadlock victim.', 1;
        IF @granted < 0 THROW 51002, N'The lock on this file was not granted.', 1;
        """;

    /// <summary>
    /// Held by the session for the whole migration, so two nodes starting on a new version do not run the same script
    /// at once: the second waits, then finds the journal up to date.
    /// </summary>
    public const string MigrationLock = """
        DECLARE @granted int;
        EXEC @granted = sp_getapplock @Resource = N'staffdata:migrate', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = @lockTimeoutMs;
        IF @granted = -1 THROW 51001, N'The migration lock was not granted in time: another node has been migrating the warehouse for longer than the lock timeout.', 1;
        IF @granted = -3 THROW 51003, N'The migration lock request was chosen as a deadlock victim.', 1;
        IF @granted < 0 THROW 51002, N'The migration lock was not granted.', 1;
        """;

    public const string MigrationUnlock = "EXEC sp_releaseapplock @Resource = N'staffdata:migrate', @LockOwner = 'Session';";

    /// <summary>Whether readers see the last committed version instead of waiting for a load's locks (recommended).</summary>
    public const string ReadCommittedSnapshot = "SELECT CAST(d.is_read_committed_snapshot_on AS bit) FROM sys.databases d WHERE d.database_id = DB_ID();";

    /// <summary>The status of a batch, read under the commit lock: a retried commit or abandon whose first try did commit finds it closed.</summary>
    public const string BatchStatusOf = "SELECT b.status FROM staffdata.load_batch b WHERE b.batch_id = @batch;";

    /// <summary>What a committed ESR batch superseded, as its commit recorded it (for a retry whose first try committed).</summary>
    public const string SupersededByBatch = "SELECT p.superseded_batch_id AS Batch, p.facts_removed AS Facts FROM staffdata.batch_supersession p WHERE p.batch_id = @batch;";

    /// <summary>What a committed survey batch superseded (for a retry whose first try committed).</summary>
    public const string ReturnsSupersededByBatch = """
        SELECT s.batch_id AS Batch,
               (SELECT COUNT_BIG(*) FROM staffdata.fact_survey_workforce w WHERE w.return_id = s.return_id)
             + (SELECT COUNT_BIG(*) FROM staffdata.fact_workforce_projection p WHERE p.return_id = s.return_id) AS Facts
        FROM staffdata.survey_return s WHERE s.superseded_by_batch_id = @batch;
        """;

    public const string BatchesOfFile = """
        SELECT b.batch_id AS BatchId, b.status AS Status, b.owner_host AS Host, b.owner_pid AS Pid, b.owner_started_at AS ProcessStartedAt, b.heartbeat_at AS HeartbeatAt, b.started_at AS StartedAt, b.file_name AS FileName
        FROM staffdata.load_batch b WHERE b.sha256 = @sha256 AND b.status IN ('loaded', 'running') ORDER BY CASE b.status WHEN 'loaded' THEN 0 ELSE 1 END, b.batch_id;
        """;

    public const string RunningBatches = """
        SELECT b.batch_id AS BatchId, b.status AS Status, b.owner_host AS Host, b.owner_pid AS Pid, b.owner_started_at AS ProcessStartedAt, b.heartbeat_at AS HeartbeatAt, b.started_at AS StartedAt, b.file_name AS FileName
        FROM staffdata.load_batch b WHERE b.status = 'running';
        """;

    public const string FailBatches = """
        UPDATE staffdata.load_batch
        SET status = 'failed', reason_code = @ReasonCode, message = @Message, finished_at = SYSDATETIMEOFFSET()
        WHERE batch_id = @id AND status = 'running';
        DELETE FROM staffdata.stage_fact WHERE batch_id = @id;
        """;

    public const string InsertAudit = """
        INSERT INTO staffdata.load_batch (file_name, sha256, extractor, taxonomy_version, status, message, started_at, owner_host, owner_pid, owner_started_at, heartbeat_at, person_identifier)
        OUTPUT inserted.batch_id
        VALUES (@FileName, @Sha256, @Extractor, @TaxonomyVersion, @status, @message, @startedAt, @host, @pid, @processStartedAt, SYSDATETIMEOFFSET(), @PersonIdentifier);
        """;

    public const string LastSuccessfulLoad = """
        SELECT CAST(CASE WHEN OBJECT_ID(N'staffdata.load_batch', N'U') IS NULL THEN 0 ELSE 1 END AS bit) AS SchemaExists;
        IF OBJECT_ID(N'staffdata.load_batch', N'U') IS NOT NULL
            SELECT MAX(finished_at) FROM staffdata.load_batch WHERE status = 'loaded';
        """;

    public const string ReplaceAssumptions = """
        DELETE FROM staffdata.supply_assumption;
        DELETE FROM staffdata.supply_training_route;
        INSERT INTO staffdata.supply_assumption (assumptions_version, rate_window_months) VALUES (@Version, @RateWindowMonths);
        """;

    public const string InsertTrainingRoute = """
        INSERT INTO staffdata.supply_training_route (trainee_role_code, qualified_role_code, training_years, completion_rate)
        VALUES (@TraineeRole, @QualifiedRole, @TrainingYears, @CompletionRate);
        """;

    public const string RefusedAudit = "UPDATE staffdata.load_batch SET finished_at = @finished, reason_code = @code WHERE batch_id = @id;";

    public const string Heartbeat = "UPDATE staffdata.load_batch SET heartbeat_at = SYSDATETIMEOFFSET() WHERE batch_id = @batch AND status = 'running';";

    public const string UpdateAudit = """
        UPDATE staffdata.load_batch SET status = @status, message = @Message, reason_code = @ReasonCode, rows_read = @Read, rows_loaded = @Loaded,
            rows_out_of_scope = @OutOfScope, rows_excluded = @Excluded, rows_rejected = @Rejected, superseded_facts = @superseded, finished_at = @finished
        WHERE batch_id = @batch;
        """;

    public const string KeyState = """
        SELECT (SELECT k.key_check FROM staffdata.warehouse_key_check k WHERE k.id = 1) AS KeyCheck,
               CAST(CASE WHEN EXISTS (SELECT 1 FROM staffdata.dim_person p) THEN 1 ELSE 0 END AS bit) AS HasPersonData;
        """;

    public const string RecordKeyCheck = """
        INSERT INTO staffdata.warehouse_key_check (id, key_check, recorded_at)
        SELECT 1, @keyCheck, @now WHERE NOT EXISTS (SELECT 1 FROM staffdata.warehouse_key_check k WITH (UPDLOCK, HOLDLOCK) WHERE k.id = 1);
        SELECT k.key_check FROM staffdata.warehouse_key_check k WHERE k.id = 1;
        """;

    public const string UpsertRole = """
        UPDATE staffdata.dim_role SET role_name = @Name, role_family = @Family, typical_grade = @TypicalGrade WHERE role_code = @Code;
        INSERT INTO staffdata.dim_role (role_code, role_name, role_family, typical_grade)
        SELECT @Code, @Name, @Family, @TypicalGrade WHERE NOT EXISTS (SELECT 1 FROM staffdata.dim_role r WITH (UPDLOCK, HOLDLOCK) WHERE r.role_code = @Code);
        """;

    public const string UpsertGrade = """
        UPDATE staffdata.dim_grade SET grade_label = @Label, pay_scale = @PayScale, band = @Band, sort_order = @SortOrder WHERE grade_code = @Code;
        INSERT INTO staffdata.dim_grade (grade_code, grade_label, pay_scale, band, sort_order)
        SELECT @Code, @Label, @PayScale, @Band, @SortOrder WHERE NOT EXISTS (SELECT 1 FROM staffdata.dim_grade g WITH (UPDLOCK, HOLDLOCK) WHERE g.grade_code = @Code);
        """;

    public const string UpsertOrganisation = """
        UPDATE staffdata.dim_organisation SET organisation_name = @Name, organisation_type = @Type, region_code = @RegionCode, region_name = @RegionName, glh = @Glh
        WHERE organisation_code = @Code;
        INSERT INTO staffdata.dim_organisation (organisation_code, organisation_name, organisation_type, region_code, region_name, glh)
        SELECT @Code, @Name, @Type, @RegionCode, @RegionName, @Glh
        WHERE NOT EXISTS (SELECT 1 FROM staffdata.dim_organisation o WITH (UPDLOCK, HOLDLOCK) WHERE o.organisation_code = @Code);
        """;

    /// <summary>Later occurrences of an assignment (same month and organisation) leave staging; their source rows are reported.</summary>
    public const string RemoveDuplicateAssignments = """
        WITH ranked AS (
            SELECT s.source_row, ROW_NUMBER() OVER (PARTITION BY s.snapshot_date, s.organisation_code, s.assignment_key ORDER BY s.source_row) AS occurrence
            FROM staffdata.stage_fact s WHERE s.batch_id = @batch)
        DELETE FROM staffdata.stage_fact
        OUTPUT deleted.source_row
        WHERE batch_id = @batch AND source_row IN (SELECT r.source_row FROM ranked r WHERE r.occurrence > 1);
        """;

    /// <summary>
    /// The commit of an ESR batch, one short transaction under the commit lock: dimensions, supersede, facts, tidy-up.
    /// Month names are spelt out rather than taken from DATENAME, which follows the session language.
    /// </summary>
    /// <summary>Organisations whose month before or after this batch's was loaded under the other kind of identifier.</summary>
    public const string IdentifierChangedOrganisations = """
        WITH mine AS (
            SELECT DISTINCT organisation_id, snapshot_date_key FROM staffdata.fact_staff_in_post WHERE batch_id = @batch),
        neighbours AS (
            SELECT m.organisation_id,
                   (SELECT MAX(p.snapshot_date_key) FROM staffdata.fact_staff_in_post p WHERE p.organisation_id = m.organisation_id AND p.snapshot_date_key < m.snapshot_date_key) AS previous_key,
                   (SELECT MIN(n.snapshot_date_key) FROM staffdata.fact_staff_in_post n WHERE n.organisation_id = m.organisation_id AND n.snapshot_date_key > m.snapshot_date_key) AS next_key
            FROM mine m)
        SELECT DISTINCT o.organisation_code
        FROM neighbours nb
        JOIN staffdata.fact_staff_in_post f ON f.organisation_id = nb.organisation_id AND f.snapshot_date_key IN (nb.previous_key, nb.next_key)
        JOIN staffdata.load_batch b ON b.batch_id = f.batch_id
        JOIN staffdata.dim_organisation o ON o.organisation_id = nb.organisation_id
        WHERE b.person_identifier IS NOT NULL AND b.person_identifier <> @kind
        ORDER BY o.organisation_code;
        """;

    /// <summary>Before commit, per organisation and month staged: the batch's facts there and each earlier batch's facts it would supersede.</summary>
    public const string PreviewSupersession = """
        WITH mine AS (
            SELECT s.organisation_code, YEAR(s.snapshot_date) * 10000 + MONTH(s.snapshot_date) * 100 + DAY(s.snapshot_date) AS date_key, COUNT_BIG(*) AS n
            FROM staffdata.stage_fact s WHERE s.batch_id = @batch GROUP BY s.organisation_code, s.snapshot_date)
        SELECT m.organisation_code AS Organisation, CAST(m.date_key AS bigint) AS DateKey, m.n AS Incoming, f.batch_id AS Batch, COUNT_BIG(*) AS Facts
        FROM mine m
        JOIN staffdata.dim_organisation o ON o.organisation_code = m.organisation_code
        JOIN staffdata.fact_staff_in_post f ON f.organisation_id = o.organisation_id AND f.snapshot_date_key = m.date_key AND f.batch_id <> @batch
        GROUP BY m.organisation_code, m.date_key, m.n, f.batch_id;
        """;

    /// <summary>Before commit: the survey lines of each current return a new return for the same key would supersede.</summary>
    public const string PreviewReturns = """
        SELECT s.batch_id AS Batch, (SELECT COUNT_BIG(*) FROM staffdata.survey_line l WHERE l.return_id = s.return_id) AS Lines
        FROM staffdata.survey_return s
        JOIN staffdata.dim_organisation o ON o.organisation_id = s.organisation_id
        WHERE o.organisation_code = @Code AND s.organisation_type_stated = @OrganisationTypeStated AND s.return_period = @ReturnPeriod
          AND s.service_area_id = (SELECT a.service_area_id FROM staffdata.dim_service_area a WHERE a.service_area_code = @area)
          AND s.superseded_by_batch_id IS NULL;
        """;

    public const string CommitFacts = """
        DROP TABLE IF EXISTS #posts;
        DROP TABLE IF EXISTS #pairs;

        INSERT INTO staffdata.dim_date (date_key, calendar_date, [year], [month], month_name, financial_year, financial_quarter)
        SELECT YEAR(d.snapshot_date) * 10000 + MONTH(d.snapshot_date) * 100 + DAY(d.snapshot_date), d.snapshot_date, YEAR(d.snapshot_date), MONTH(d.snapshot_date),
               CHOOSE(MONTH(d.snapshot_date), N'January', N'February', N'March', N'April', N'May', N'June', N'July', N'August', N'September', N'October', N'November', N'December'),
               CONCAT(d.fy, '-', RIGHT(CONCAT('0', (d.fy + 1) % 100), 2)), (MONTH(d.snapshot_date) + 8) % 12 / 3 + 1
        FROM (SELECT DISTINCT s.snapshot_date, CASE WHEN MONTH(s.snapshot_date) >= 4 THEN YEAR(s.snapshot_date) ELSE YEAR(s.snapshot_date) - 1 END AS fy
              FROM staffdata.stage_fact s WHERE s.batch_id = @batch) AS d
        WHERE NOT EXISTS (SELECT 1 FROM staffdata.dim_date x WITH (UPDLOCK, HOLDLOCK) WHERE x.calendar_date = d.snapshot_date);

        INSERT INTO staffdata.dim_organisation (organisation_code, organisation_name, organisation_type)
        SELECT s.organisation_code, MAX(s.organisation_name), MAX(s.organisation_type)
        FROM staffdata.stage_fact s
        WHERE s.batch_id = @batch AND NOT EXISTS (SELECT 1 FROM staffdata.dim_organisation o WITH (UPDLOCK, HOLDLOCK) WHERE o.organisation_code = s.organisation_code)
        GROUP BY s.organisation_code;

        INSERT INTO staffdata.dim_person (person_key)
        SELECT DISTINCT s.person_key FROM staffdata.stage_fact s
        WHERE s.batch_id = @batch AND NOT EXISTS (SELECT 1 FROM staffdata.dim_person p WITH (UPDLOCK, HOLDLOCK) WHERE p.person_key = s.person_key);

        -- One post per byte-exact hash, the key the fact insert joins on: grouping the descriptors themselves would
        -- follow the column collation (case-insensitive as a rule) and fold "Clinical scientist" into "Clinical Scientist",
        -- whose hash the other spelling's facts would then not find.
        SELECT MIN(h.position_title) AS position_title, MIN(h.staff_group) AS staff_group, MIN(h.occupation_code) AS occupation_code, MIN(h.area_of_work) AS area_of_work,
               MIN(h.job_role) AS job_role, MIN(h.cost_centre) AS cost_centre, MIN(h.grade_as_written) AS grade_as_written,
               MAX(h.role_id) AS role_id, MAX(h.rule_id) AS rule_id, h.post_hash
        INTO #posts
        FROM (SELECT s.position_title, s.staff_group, s.occupation_code, s.area_of_work, s.job_role, s.cost_centre, s.grade_as_written, r.role_id, s.rule_id,
                     CAST(HASHBYTES('SHA2_256', CONCAT(s.position_title, NCHAR(31), s.staff_group, NCHAR(31), s.occupation_code, NCHAR(31), s.area_of_work, NCHAR(31),
                         s.job_role, NCHAR(31), s.cost_centre, NCHAR(31), s.grade_as_written)) AS binary(32)) AS post_hash
              FROM staffdata.stage_fact s JOIN staffdata.dim_role r ON r.role_code = s.role_code
              WHERE s.batch_id = @batch) AS h
        GROUP BY h.post_hash;

        INSERT INTO staffdata.dim_position (position_title, staff_group, occupation_code, area_of_work, job_role, cost_centre, grade_as_written, role_id, rule_id, taxonomy_version)
        SELECT p.position_title, p.staff_group, p.occupation_code, p.area_of_work, p.job_role, p.cost_centre, p.grade_as_written, p.role_id, p.rule_id, @version
        FROM #posts p WHERE NOT EXISTS (SELECT 1 FROM staffdata.dim_position x WITH (UPDLOCK, HOLDLOCK) WHERE x.post_hash = p.post_hash);

        -- The latest load's decision describes the post from now on; earlier facts keep their own role and version.
        UPDATE x SET x.role_id = p.role_id, x.rule_id = p.rule_id, x.taxonomy_version = @version
        FROM staffdata.dim_position x JOIN #posts p ON p.post_hash = x.post_hash
        WHERE x.role_id <> p.role_id OR x.rule_id <> p.rule_id OR x.taxonomy_version <> @version;

        SELECT DISTINCT o.organisation_id, o.organisation_code, s.snapshot_date,
               YEAR(s.snapshot_date) * 10000 + MONTH(s.snapshot_date) * 100 + DAY(s.snapshot_date) AS date_key
        INTO #pairs
        FROM staffdata.stage_fact s JOIN staffdata.dim_organisation o ON o.organisation_code = s.organisation_code
        WHERE s.batch_id = @batch;

        INSERT INTO staffdata.batch_supersession (batch_id, superseded_batch_id, organisation_code, snapshot_date, facts_removed)
        SELECT @batch, f.batch_id, p.organisation_code, p.snapshot_date, COUNT_BIG(*)
        FROM staffdata.fact_staff_in_post f JOIN #pairs p ON p.organisation_id = f.organisation_id AND p.date_key = f.snapshot_date_key
        WHERE f.batch_id <> @batch
        GROUP BY f.batch_id, p.organisation_code, p.snapshot_date;

        -- Kept, not deleted: withdrawing this batch makes them current again.
        DELETE f
        OUTPUT deleted.fact_id, deleted.batch_id, deleted.snapshot_date_key, deleted.organisation_id, deleted.role_id, deleted.grade_id, deleted.person_id,
               deleted.service_area_id, deleted.position_id, deleted.assignment_key, deleted.fte, deleted.contracted_hours, deleted.is_primary, deleted.age_band,
               deleted.rule_id, deleted.taxonomy_version, deleted.source_row, deleted.service_area_rule, @batch
        INTO staffdata.fact_staff_in_post_retired (fact_id, batch_id, snapshot_date_key, organisation_id, role_id, grade_id, person_id, service_area_id, position_id,
               assignment_key, fte, contracted_hours, is_primary, age_band, rule_id, taxonomy_version, source_row, service_area_rule, retired_by_batch_id)
        FROM staffdata.fact_staff_in_post f JOIN #pairs p ON p.organisation_id = f.organisation_id AND p.date_key = f.snapshot_date_key
        WHERE f.batch_id <> @batch;

        INSERT INTO staffdata.fact_staff_in_post (batch_id, snapshot_date_key, organisation_id, role_id, grade_id, person_id, service_area_id, position_id,
            assignment_key, fte, contracted_hours, is_primary, age_band, rule_id, taxonomy_version, source_row, service_area_rule)
        SELECT @batch, YEAR(s.snapshot_date) * 10000 + MONTH(s.snapshot_date) * 100 + DAY(s.snapshot_date), o.organisation_id, r.role_id, g.grade_id, pe.person_id, sa.service_area_id, x.position_id,
               s.assignment_key, s.fte, s.contracted_hours, s.is_primary, s.age_band, s.rule_id, @version, s.source_row, s.service_area_rule
        FROM staffdata.stage_fact s
        JOIN staffdata.dim_organisation o ON o.organisation_code = s.organisation_code
        JOIN staffdata.dim_service_area sa ON sa.service_area_code = s.service_area_code
        JOIN staffdata.dim_role r ON r.role_code = s.role_code
        JOIN staffdata.dim_grade g ON g.grade_code = s.grade_code
        JOIN staffdata.dim_person pe ON pe.person_key = s.person_key
        JOIN staffdata.dim_position x ON x.post_hash = CAST(HASHBYTES('SHA2_256', CONCAT(s.position_title, NCHAR(31), s.staff_group, NCHAR(31), s.occupation_code, NCHAR(31),
            s.area_of_work, NCHAR(31), s.job_role, NCHAR(31), s.cost_centre, NCHAR(31), s.grade_as_written)) AS binary(32))
        WHERE s.batch_id = @batch;

        DELETE FROM staffdata.stage_fact WHERE batch_id = @batch;

        DROP TABLE #posts;
        DROP TABLE #pairs;
        SELECT p.superseded_batch_id AS Batch, p.facts_removed AS Facts FROM staffdata.batch_supersession p WHERE p.batch_id = @batch;
        """;

    /// <summary>
    /// Recomputes the derived tables the analyst views read (sql/sqlserver/0009_derived_flows.sql) for the
    /// organisation-months in #touched: their person-months, summary cells and snapshots, the flows of every period that
    /// depends on them (their own, the one into the organisation's next snapshot, every organisation's periods ending or
    /// starting in a touched month, for movers), and the 12-month turnover rows starting or ending there. Reads only
    /// fact_staff_in_post. The migration's backfill runs the same text with every organisation-month touched.
    /// </summary>
    public const string RefreshDerivedTables = """
        DROP TABLE IF EXISTS #period;
        CREATE TABLE #period (organisation_id int NOT NULL, end_date_key int NOT NULL, PRIMARY KEY (organisation_id, end_date_key));

        DELETE p FROM staffdata.derived_person_month p JOIN #touched t ON t.organisation_id = p.organisation_id AND t.snapshot_date_key = p.snapshot_date_key;

        INSERT INTO staffdata.derived_person_month (organisation_id, snapshot_date_key, person_id, role_id, fte, national_identifier)
        SELECT r.organisation_id, r.snapshot_date_key, r.person_id, r.role_id, r.person_fte, r.national_identifier
        FROM (
            SELECT f.organisation_id, f.snapshot_date_key, f.person_id, f.role_id,
                   CASE WHEN b.person_identifier = 'national' THEN 1 ELSE 0 END AS national_identifier,
                   ROW_NUMBER() OVER (PARTITION BY f.organisation_id, f.snapshot_date_key, f.person_id
                                      ORDER BY COALESCE(f.is_primary, 0) DESC, f.fte DESC, f.role_id) AS rank_in_person,
                   SUM(f.fte) OVER (PARTITION BY f.organisation_id, f.snapshot_date_key, f.person_id) AS person_fte
            FROM #touched t
            JOIN staffdata.fact_staff_in_post f ON f.organisation_id = t.organisation_id AND f.snapshot_date_key = t.snapshot_date_key
            JOIN staffdata.load_batch b ON b.batch_id = f.batch_id) AS r
        WHERE r.rank_in_person = 1;

        DELETE s FROM staffdata.derived_workforce_summary s JOIN #touched t ON t.organisation_id = s.organisation_id AND t.snapshot_date_key = s.snapshot_date_key;

        INSERT INTO staffdata.derived_workforce_summary (organisation_id, snapshot_date_key, service_area_id, role_id, grade_id, headcount, fte, assignments)
        SELECT f.organisation_id, f.snapshot_date_key, f.service_area_id, f.role_id, f.grade_id, COUNT(DISTINCT f.person_id), SUM(f.fte), COUNT_BIG(*)
        FROM #touched t
        JOIN staffdata.fact_staff_in_post f ON f.organisation_id = t.organisation_id AND f.snapshot_date_key = t.snapshot_date_key
        GROUP BY f.organisation_id, f.snapshot_date_key, f.service_area_id, f.role_id, f.grade_id;

        DELETE s FROM staffdata.derived_organisation_snapshot s JOIN #touched t ON t.organisation_id = s.organisation_id AND t.snapshot_date_key = s.snapshot_date_key;

        INSERT INTO staffdata.derived_organisation_snapshot (organisation_id, snapshot_date_key, previous_date_key)
        SELECT t.organisation_id, t.snapshot_date_key, NULL FROM #touched t
        WHERE EXISTS (SELECT 1 FROM staffdata.derived_person_month p WHERE p.organisation_id = t.organisation_id AND p.snapshot_date_key = t.snapshot_date_key);

        UPDATE s SET s.previous_date_key = (SELECT MAX(p.snapshot_date_key) FROM staffdata.derived_organisation_snapshot p
                                            WHERE p.organisation_id = s.organisation_id AND p.snapshot_date_key < s.snapshot_date_key)
        FROM staffdata.derived_organisation_snapshot s
        WHERE s.organisation_id IN (SELECT t.organisation_id FROM #touched t);

        -- The pair's own period, the period into the organisation's next snapshot, and every organisation's periods ending or
        -- starting in a touched month (their movers to and from other organisations).
        INSERT INTO #period (organisation_id, end_date_key)
        SELECT DISTINCT e.organisation_id, e.end_date_key
        FROM (
            SELECT t.organisation_id, t.snapshot_date_key AS end_date_key FROM #touched t
            UNION
            SELECT t.organisation_id, (SELECT MIN(s.snapshot_date_key) FROM staffdata.derived_organisation_snapshot s
                                       WHERE s.organisation_id = t.organisation_id AND s.snapshot_date_key > t.snapshot_date_key)
            FROM #touched t
            UNION
            SELECT s.organisation_id, s.snapshot_date_key FROM staffdata.derived_organisation_snapshot s
            WHERE s.snapshot_date_key IN (SELECT t.snapshot_date_key FROM #touched t) OR s.previous_date_key IN (SELECT t.snapshot_date_key FROM #touched t)) AS e
        WHERE e.end_date_key IS NOT NULL;

        DELETE w FROM staffdata.derived_workforce_flow w JOIN #period p ON p.organisation_id = w.organisation_id AND p.end_date_key = w.end_date_key;

        WITH
        periods AS (
            SELECT s.organisation_id, s.previous_date_key AS start_key, s.snapshot_date_key AS end_key
            FROM #period p
            JOIN staffdata.derived_organisation_snapshot s ON s.organisation_id = p.organisation_id AND s.snapshot_date_key = p.end_date_key
            WHERE s.previous_date_key IS NOT NULL),
        movements AS (
            -- In post at both ends: a stayer, or a move when the role changed.
            SELECT p.organisation_id, p.start_key, p.end_key, s.role_id AS start_role, e.role_id AS end_role, s.fte AS start_fte, e.fte AS end_fte,
                   0 AS other_organisation
            FROM periods p
            JOIN staffdata.derived_person_month s ON s.organisation_id = p.organisation_id AND s.snapshot_date_key = p.start_key
            JOIN staffdata.derived_person_month e ON e.organisation_id = p.organisation_id AND e.snapshot_date_key = p.end_key AND e.person_id = s.person_id
            UNION ALL
            -- In post at the start only: a leaver; one in post in another organisation at the end has moved there, which only
            -- the national identifier can tell (a trust's employee number means nothing in another trust).
            SELECT p.organisation_id, p.start_key, p.end_key, s.role_id, NULL, s.fte, NULL,
                   CASE WHEN s.national_identifier = 1 AND EXISTS (
                            SELECT 1 FROM staffdata.derived_person_month x WHERE x.person_id = s.person_id AND x.snapshot_date_key = p.end_key
                            AND x.organisation_id <> p.organisation_id AND x.national_identifier = 1) THEN 1 ELSE 0 END
            FROM periods p
            JOIN staffdata.derived_person_month s ON s.organisation_id = p.organisation_id AND s.snapshot_date_key = p.start_key
            WHERE NOT EXISTS (SELECT 1 FROM staffdata.derived_person_month e WHERE e.organisation_id = p.organisation_id AND e.snapshot_date_key = p.end_key AND e.person_id = s.person_id)
            UNION ALL
            -- In post at the end only: a joiner, from another organisation when the national identifier was there at the start.
            SELECT p.organisation_id, p.start_key, p.end_key, NULL, e.role_id, NULL, e.fte,
                   CASE WHEN e.national_identifier = 1 AND EXISTS (
                            SELECT 1 FROM staffdata.derived_person_month x WHERE x.person_id = e.person_id AND x.snapshot_date_key = p.start_key
                            AND x.organisation_id <> p.organisation_id AND x.national_identifier = 1) THEN 1 ELSE 0 END
            FROM periods p
            JOIN staffdata.derived_person_month e ON e.organisation_id = p.organisation_id AND e.snapshot_date_key = p.end_key
            WHERE NOT EXISTS (SELECT 1 FROM staffdata.derived_person_month s WHERE s.organisation_id = p.organisation_id AND s.snapshot_date_key = p.start_key AND s.person_id = e.person_id)),
        by_role AS (
            -- Counted against the role at the start: staff in post at the start, leavers, moves out.
            SELECT m.organisation_id, m.start_key, m.end_key, m.start_role AS role_id,
                   0 AS joiners_headcount, 0.0 AS joiners_fte,
                   CASE WHEN m.end_role IS NULL THEN 1 ELSE 0 END AS leavers_headcount,
                   CASE WHEN m.end_role IS NULL THEN m.start_fte ELSE 0.0 END AS leavers_fte,
                   CASE WHEN m.end_role IS NULL THEN m.other_organisation ELSE 0 END AS leavers_to_other_organisation,
                   0 AS joiners_from_other_organisation,
                   0 AS moves_in,
                   CASE WHEN m.end_role IS NOT NULL AND m.end_role <> m.start_role THEN 1 ELSE 0 END AS moves_out,
                   1 AS staff_in_post_start, 0 AS staff_in_post_end
            FROM movements m WHERE m.start_role IS NOT NULL
            UNION ALL
            -- Counted against the role at the end: staff in post at the end, joiners, moves in.
            SELECT m.organisation_id, m.start_key, m.end_key, m.end_role,
                   CASE WHEN m.start_role IS NULL THEN 1 ELSE 0 END,
                   CASE WHEN m.start_role IS NULL THEN m.end_fte ELSE 0.0 END,
                   0, 0.0,
                   0,
                   CASE WHEN m.start_role IS NULL THEN m.other_organisation ELSE 0 END,
                   CASE WHEN m.start_role IS NOT NULL AND m.start_role <> m.end_role THEN 1 ELSE 0 END,
                   0,
                   0, 1
            FROM movements m WHERE m.end_role IS NOT NULL)
        INSERT INTO staffdata.derived_workforce_flow (organisation_id, end_date_key, role_id, start_date_key, joiners_headcount, joiners_fte, leavers_headcount, leavers_fte,
            moves_in, moves_out, staff_in_post_start, staff_in_post_end, leavers_to_other_organisation, joiners_from_other_organisation)
        SELECT b.organisation_id, b.end_key, b.role_id, b.start_key, SUM(b.joiners_headcount), SUM(b.joiners_fte), SUM(b.leavers_headcount), SUM(b.leavers_fte),
               SUM(b.moves_in), SUM(b.moves_out), SUM(b.staff_in_post_start), SUM(b.staff_in_post_end), SUM(b.leavers_to_other_organisation), SUM(b.joiners_from_other_organisation)
        FROM by_role b
        GROUP BY b.organisation_id, b.end_key, b.role_id, b.start_key;

        DELETE d FROM staffdata.derived_turnover d
        WHERE EXISTS (SELECT 1 FROM #touched t WHERE t.organisation_id = d.organisation_id AND (t.snapshot_date_key = d.start_date_key OR t.snapshot_date_key = d.end_date_key));

        WITH
        months AS (
            SELECT s.organisation_id, s.snapshot_date_key, d.[year] * 12 + d.[month] AS month_index
            FROM staffdata.derived_organisation_snapshot s JOIN staffdata.dim_date d ON d.date_key = s.snapshot_date_key
            WHERE s.organisation_id IN (SELECT t.organisation_id FROM #touched t)),
        years AS (
            -- Both ends loaded, 12 months apart, one of them touched.
            SELECT s.organisation_id, s.snapshot_date_key AS start_key, e.snapshot_date_key AS end_key
            FROM months s JOIN months e ON e.organisation_id = s.organisation_id AND e.month_index = s.month_index + 12
            WHERE EXISTS (SELECT 1 FROM #touched t WHERE t.organisation_id = s.organisation_id AND t.snapshot_date_key IN (s.snapshot_date_key, e.snapshot_date_key))),
        at_start AS (
            SELECT y.organisation_id, y.start_key, y.end_key, p.role_id, COUNT(*) AS staff_in_post_start, COUNT(e.person_id) AS still_in_post
            FROM years y JOIN staffdata.derived_person_month p ON p.organisation_id = y.organisation_id AND p.snapshot_date_key = y.start_key
            LEFT JOIN staffdata.derived_person_month e ON e.organisation_id = y.organisation_id AND e.snapshot_date_key = y.end_key AND e.person_id = p.person_id
            GROUP BY y.organisation_id, y.start_key, y.end_key, p.role_id),
        at_end AS (
            SELECT y.organisation_id, y.start_key, y.end_key, p.role_id, COUNT(*) AS staff_in_post_end
            FROM years y JOIN staffdata.derived_person_month p ON p.organisation_id = y.organisation_id AND p.snapshot_date_key = y.end_key
            GROUP BY y.organisation_id, y.start_key, y.end_key, p.role_id),
        roles AS (
            SELECT a.organisation_id, a.start_key, a.end_key, a.role_id FROM at_start a UNION SELECT z.organisation_id, z.start_key, z.end_key, z.role_id FROM at_end z)
        INSERT INTO staffdata.derived_turnover (organisation_id, start_date_key, role_id, end_date_key, staff_in_post_start, staff_in_post_end, still_in_post)
        SELECT r.organisation_id, r.start_key, r.role_id, r.end_key, COALESCE(s.staff_in_post_start, 0), COALESCE(e.staff_in_post_end, 0), COALESCE(s.still_in_post, 0)
        FROM roles r
        LEFT JOIN at_start s ON s.organisation_id = r.organisation_id AND s.start_key = r.start_key AND s.role_id = r.role_id
        LEFT JOIN at_end e   ON e.organisation_id = r.organisation_id AND e.start_key = r.start_key AND e.role_id = r.role_id;

        DROP TABLE #period;
        """;

    /// <summary>The organisation-months to refresh, from one JSON parameter ([[organisation_id, date_key], ...]): one round trip whatever their number.</summary>
    public const string TouchedPairs = """
        DROP TABLE IF EXISTS #touched;
        CREATE TABLE #touched (organisation_id int NOT NULL, snapshot_date_key int NOT NULL, PRIMARY KEY (organisation_id, snapshot_date_key));
        INSERT INTO #touched (organisation_id, snapshot_date_key)
        SELECT DISTINCT j.organisation_id, j.snapshot_date_key FROM OPENJSON(@pairs) WITH (organisation_id int '$[0]', snapshot_date_key int '$[1]') AS j;
        """;

    public const string DropTouched = "DROP TABLE #touched;";

    /// <summary>The organisation-months of a batch's facts, after its commit has superseded earlier ones.</summary>
    public const string BatchPairs = "SELECT DISTINCT f.organisation_id, f.snapshot_date_key FROM staffdata.fact_staff_in_post f WHERE f.batch_id = @batch;";

    /// <summary>Before a remap changes or deletes facts: the organisation-months of the posts it decides again.</summary>
    public const string RemapPairs = "SELECT DISTINCT f.organisation_id, f.snapshot_date_key FROM staffdata.fact_staff_in_post f JOIN #post_decision d ON d.position_id = f.position_id;";

    public const string DeleteStaging = "DELETE FROM staffdata.stage_fact WHERE batch_id = @batch;";

    public const string RecordReview = """
        UPDATE staffdata.review_unmapped_title SET row_count = row_count + @Rows, last_seen_at = @Now, last_batch_id = @Batch
        WHERE position_title = @PositionTitle AND staff_group = @StaffGroup AND occupation_code = @OccupationCode AND area_of_work = @AreaOfWork AND job_role = @JobRole;
        INSERT INTO staffdata.review_unmapped_title (position_title, staff_group, occupation_code, area_of_work, job_role, row_count, first_seen_at, last_seen_at, first_batch_id, last_batch_id)
        SELECT @PositionTitle, @StaffGroup, @OccupationCode, @AreaOfWork, @JobRole, @Rows, @Now, @Now, @Batch, @Batch
        WHERE NOT EXISTS (SELECT 1 FROM staffdata.review_unmapped_title t WITH (UPDLOCK, HOLDLOCK)
                          WHERE t.position_title = @PositionTitle AND t.staff_group = @StaffGroup AND t.occupation_code = @OccupationCode AND t.area_of_work = @AreaOfWork AND t.job_role = @JobRole);
        """;

    public const string RecordTaxonomyVersion = """
        INSERT INTO staffdata.taxonomy_version (version, first_used_at, rule_count)
        SELECT @version, @now, @rules WHERE NOT EXISTS (SELECT 1 FROM staffdata.taxonomy_version v WITH (UPDLOCK, HOLDLOCK) WHERE v.version = @version);
        """;

    public const string EnsureDate = """
        INSERT INTO staffdata.dim_date (date_key, calendar_date, [year], [month], month_name, financial_year, financial_quarter)
        SELECT @date_key, @calendar_date, @year, @month, @month_name, @financial_year, @financial_quarter
        WHERE NOT EXISTS (SELECT 1 FROM staffdata.dim_date d WITH (UPDLOCK, HOLDLOCK) WHERE d.date_key = @date_key);
        """;

    public const string EnsureOrganisation = """
        INSERT INTO staffdata.dim_organisation (organisation_code, organisation_name, organisation_type)
        SELECT @Code, @Name, @Type WHERE NOT EXISTS (SELECT 1 FROM staffdata.dim_organisation o WITH (UPDLOCK, HOLDLOCK) WHERE o.organisation_code = @Code);
        SELECT o.organisation_id FROM staffdata.dim_organisation o WHERE o.organisation_code = @Code;
        """;

    public const string InsertSurveyReturn = """
        INSERT INTO staffdata.survey_return (batch_id, organisation_id, organisation_type_stated, return_period, period_date_key, service_area_id, template_version)
        OUTPUT inserted.return_id
        SELECT @batch, @org, @OrganisationTypeStated, @ReturnPeriod, @dateKey, a.service_area_id, @TemplateVersion
        FROM staffdata.dim_service_area a WHERE a.service_area_code = @area;
        """;

    /// <summary>Survey cells derived from the lines (for one return, or all when @returnId is NULL); supersede earlier returns.</summary>
    public const string RebuildSurveyFacts = """
        DELETE FROM staffdata.fact_survey_workforce WHERE @returnId IS NULL OR return_id = @returnId;
        DELETE FROM staffdata.fact_workforce_projection WHERE @returnId IS NULL OR return_id = @returnId;

        INSERT INTO staffdata.fact_survey_workforce (return_id, role_id, grade_id, headcount, wte_in_post, establishment_wte, vacant_wte, agency_locum_wte, training_wte,
            source_rows, rule_id, taxonomy_version)
        SELECT l.return_id, l.role_id, l.grade_id, SUM(l.headcount), SUM(l.wte_in_post), SUM(l.establishment_wte), SUM(l.vacant_wte), SUM(l.agency_locum_wte), SUM(l.training_wte),
               STRING_AGG(CONCAT(CAST(l.sheet_name AS nvarchar(max)), N'!', l.row_number), N',') WITHIN GROUP (ORDER BY l.sheet_name, l.row_number),
               (SELECT STRING_AGG(d.rule_id, N',') FROM (SELECT DISTINCT x.rule_id FROM staffdata.survey_line x
                    WHERE x.return_id = l.return_id AND x.role_id = l.role_id AND x.grade_id = l.grade_id AND x.horizon_years = 0) AS d),
               @taxonomyVersion
        FROM staffdata.survey_line l JOIN staffdata.dim_role r ON r.role_id = l.role_id
        WHERE l.horizon_years = 0 AND r.role_code <> N'OUT-OF-SCOPE' AND (@returnId IS NULL OR l.return_id = @returnId)
        GROUP BY l.return_id, l.role_id, l.grade_id;

        INSERT INTO staffdata.fact_workforce_projection (return_id, role_id, grade_id, horizon_years, projected_wte, driver, source_rows, rule_id, taxonomy_version)
        SELECT l.return_id, l.role_id, l.grade_id, l.horizon_years, SUM(l.projected_wte), STRING_AGG(CAST(l.driver AS nvarchar(max)), N'; '),
               STRING_AGG(CONCAT(CAST(l.sheet_name AS nvarchar(max)), N'!', l.row_number), N',') WITHIN GROUP (ORDER BY l.sheet_name, l.row_number),
               (SELECT STRING_AGG(d.rule_id, N',') FROM (SELECT DISTINCT x.rule_id FROM staffdata.survey_line x
                    WHERE x.return_id = l.return_id AND x.role_id = l.role_id AND x.grade_id = l.grade_id AND x.horizon_years = l.horizon_years) AS d),
               @taxonomyVersion
        FROM staffdata.survey_line l JOIN staffdata.dim_role r ON r.role_id = l.role_id
        WHERE l.horizon_years > 0 AND r.role_code <> N'OUT-OF-SCOPE' AND (@returnId IS NULL OR l.return_id = @returnId)
        GROUP BY l.return_id, l.role_id, l.grade_id, l.horizon_years;
        """;

    public const string SupersedeReturns = """
        DROP TABLE IF EXISTS #earlier;
        SELECT s.return_id AS ReturnId, s.batch_id AS Batch,
               (SELECT COUNT_BIG(*) FROM staffdata.fact_survey_workforce w WHERE w.return_id = s.return_id)
             + (SELECT COUNT_BIG(*) FROM staffdata.fact_workforce_projection p WHERE p.return_id = s.return_id) AS Facts
        INTO #earlier
        FROM staffdata.survey_return s
        WHERE s.organisation_id = @org AND s.organisation_type_stated = @OrganisationTypeStated AND s.return_period = @ReturnPeriod
          AND s.service_area_id = (SELECT a.service_area_id FROM staffdata.dim_service_area a WHERE a.service_area_code = @area)
          AND s.superseded_by_batch_id IS NULL AND s.return_id <> @ret;
        UPDATE s SET s.superseded_by_batch_id = @batch FROM staffdata.survey_return s JOIN #earlier e ON e.ReturnId = s.return_id;
        SELECT e.Batch, e.Facts FROM #earlier e;
        DROP TABLE #earlier;
        """;

    public const string InsertWarning = "INSERT INTO staffdata.survey_warning (batch_id, sheet_name, row_number, rule_code, message) VALUES (@batch, @SheetName, @RowNumber, @RuleCode, @Message);";

    public const string RoleAndGradeKeys = "SELECT r.role_code, r.role_id FROM staffdata.dim_role r; SELECT g.grade_code, g.grade_id FROM staffdata.dim_grade g;";

    public const string Unmapped = """
        WITH esr AS (
            SELECT p.position_title, p.staff_group, p.occupation_code, p.area_of_work, p.job_role, MIN(d.calendar_date) AS first_data, MAX(d.calendar_date) AS last_data
            FROM staffdata.dim_position p JOIN staffdata.fact_staff_in_post f ON f.position_id = p.position_id JOIN staffdata.dim_date d ON d.date_key = f.snapshot_date_key
            GROUP BY p.position_title, p.staff_group, p.occupation_code, p.area_of_work, p.job_role),
        survey AS (
            SELECT l.role_as_written, MIN(r.return_period) AS first_data, MAX(r.return_period) AS last_data
            FROM staffdata.survey_line l JOIN staffdata.survey_return r ON r.return_id = l.return_id WHERE r.superseded_by_batch_id IS NULL GROUP BY l.role_as_written)
        SELECT t.position_title AS PositionTitle, t.staff_group AS StaffGroup, t.occupation_code AS OccupationCode, t.area_of_work AS AreaOfWork,
               t.job_role AS JobRole, t.row_count AS [RowCount], CONVERT(nvarchar(40), t.first_seen_at, 127) AS FirstSeen, CONVERT(nvarchar(40), t.last_seen_at, 127) AS LastSeen,
               COALESCE(CONVERT(nvarchar(20), e.first_data, 23), s.first_data) AS FirstData, COALESCE(CONVERT(nvarchar(20), e.last_data, 23), s.last_data) AS LastData
        FROM staffdata.review_unmapped_title t
        LEFT JOIN esr e ON e.position_title = t.position_title AND e.staff_group = t.staff_group AND e.occupation_code = t.occupation_code
                       AND e.area_of_work = t.area_of_work AND e.job_role = t.job_role
        LEFT JOIN survey s ON t.area_of_work = N'Survey return' AND s.role_as_written = t.position_title
        ORDER BY t.row_count DESC, t.position_title;
        """;

    public const string UnknownOrganisations = """
        SELECT o.organisation_code AS Code, o.organisation_name AS Name,
               (SELECT COUNT_BIG(*) FROM staffdata.fact_staff_in_post f WHERE f.organisation_id = o.organisation_id) AS Facts,
               (SELECT COUNT_BIG(*) FROM staffdata.survey_return s WHERE s.organisation_id = o.organisation_id AND s.superseded_by_batch_id IS NULL) AS SurveyReturns
        FROM staffdata.dim_organisation o
        WHERE o.organisation_type = N'Unknown' AND NOT EXISTS (SELECT 1 FROM staffdata.ods_organisation d WHERE d.organisation_code = o.organisation_code)
        ORDER BY o.organisation_code;
        """;

    public const string StoredPosts = """
        SELECT p.position_id AS Id, p.position_title AS PositionTitle, p.staff_group AS StaffGroup, p.occupation_code AS OccupationCode, p.area_of_work AS AreaOfWork,
               p.job_role AS JobRole, p.cost_centre AS CostCentre, p.grade_as_written AS GradeAsWritten, r.role_code AS RoleCode, p.rule_id AS RuleId
        FROM staffdata.dim_position p JOIN staffdata.dim_role r ON r.role_id = p.role_id;
        """;

    public const string StoredSurveyRoles = """
        SELECT DISTINCT l.role_as_written AS RoleAsWritten, l.grade_as_written AS GradeAsWritten, r.role_code AS RoleCode, l.rule_id AS RuleId
        FROM staffdata.survey_line l JOIN staffdata.dim_role r ON r.role_id = l.role_id;
        """;

    public const string CreateRemapTables = """
        DROP TABLE IF EXISTS #post_decision;
        DROP TABLE IF EXISTS #survey_decision;
        -- Temporary tables take tempdb's collation unless told otherwise; the warehouse's may differ (Msg 468 on the joins).
        CREATE TABLE #post_decision (position_id bigint NOT NULL PRIMARY KEY, role_code nvarchar(30) COLLATE DATABASE_DEFAULT NOT NULL, rule_id nvarchar(40) COLLATE DATABASE_DEFAULT NOT NULL,
            grade_code nvarchar(30) COLLATE DATABASE_DEFAULT NOT NULL, in_scope bit NOT NULL,
            service_area_code nvarchar(30) COLLATE DATABASE_DEFAULT NOT NULL, service_area_rule nvarchar(40) COLLATE DATABASE_DEFAULT NOT NULL);
        CREATE TABLE #survey_decision (role_as_written nvarchar(400) COLLATE DATABASE_DEFAULT NOT NULL, grade_as_written nvarchar(100) COLLATE DATABASE_DEFAULT NULL,
            role_code nvarchar(30) COLLATE DATABASE_DEFAULT NOT NULL, rule_id nvarchar(40) COLLATE DATABASE_DEFAULT NOT NULL, grade_code nvarchar(30) COLLATE DATABASE_DEFAULT NOT NULL);
        """;

    /// <summary>A remap decided in Core, applied set-based from the decisions bulk-copied into the temporary tables.</summary>
    public const string ApplyRemap = """
        UPDATE p SET p.role_id = r.role_id, p.rule_id = d.rule_id, p.taxonomy_version = @version
        FROM staffdata.dim_position p JOIN #post_decision d ON d.position_id = p.position_id JOIN staffdata.dim_role r ON r.role_code = d.role_code;

        UPDATE f SET f.role_id = r.role_id, f.grade_id = g.grade_id, f.rule_id = d.rule_id, f.taxonomy_version = @version
        FROM staffdata.fact_staff_in_post f JOIN #post_decision d ON d.position_id = f.position_id AND d.in_scope = 1
        JOIN staffdata.dim_role r ON r.role_code = d.role_code JOIN staffdata.dim_grade g ON g.grade_code = d.grade_code;
        DECLARE @updated bigint = @@ROWCOUNT;

        DELETE f FROM staffdata.fact_staff_in_post f JOIN #post_decision d ON d.position_id = f.position_id AND d.in_scope = 0;
        DECLARE @removed bigint = @@ROWCOUNT;

        -- Retired facts follow the rules too (a withdrawal restores them as the current rules see them).
        DELETE f FROM staffdata.fact_staff_in_post_retired f JOIN #post_decision d ON d.position_id = f.position_id AND d.in_scope = 0;
        UPDATE f SET f.role_id = r.role_id, f.grade_id = g.grade_id, f.rule_id = d.rule_id, f.taxonomy_version = @version
        FROM staffdata.fact_staff_in_post_retired f JOIN #post_decision d ON d.position_id = f.position_id AND d.in_scope = 1
        JOIN staffdata.dim_role r ON r.role_code = d.role_code JOIN staffdata.dim_grade g ON g.grade_code = d.grade_code;

        -- The service area follows the post's place under the current service-area rules.
        UPDATE f SET f.service_area_id = a.service_area_id, f.service_area_rule = d.service_area_rule
        FROM staffdata.fact_staff_in_post f JOIN #post_decision d ON d.position_id = f.position_id
        JOIN staffdata.dim_service_area a ON a.service_area_code = d.service_area_code
        WHERE f.service_area_id <> a.service_area_id OR f.service_area_rule IS NULL OR f.service_area_rule <> d.service_area_rule;
        DECLARE @areas bigint = @@ROWCOUNT;

        UPDATE f SET f.service_area_id = a.service_area_id, f.service_area_rule = d.service_area_rule
        FROM staffdata.fact_staff_in_post_retired f JOIN #post_decision d ON d.position_id = f.position_id
        JOIN staffdata.dim_service_area a ON a.service_area_code = d.service_area_code
        WHERE f.service_area_id <> a.service_area_id OR f.service_area_rule IS NULL OR f.service_area_rule <> d.service_area_rule;

        UPDATE l SET l.role_id = r.role_id, l.grade_id = g.grade_id, l.rule_id = d.rule_id
        FROM staffdata.survey_line l
        JOIN #survey_decision d ON d.role_as_written = l.role_as_written AND (d.grade_as_written = l.grade_as_written OR (d.grade_as_written IS NULL AND l.grade_as_written IS NULL))
        JOIN staffdata.dim_role r ON r.role_code = d.role_code JOIN staffdata.dim_grade g ON g.grade_code = d.grade_code;
        DECLARE @lines bigint = @@ROWCOUNT;

        DELETE t FROM staffdata.review_unmapped_title t
        WHERE NOT EXISTS (
            SELECT 1 FROM staffdata.dim_position p JOIN staffdata.dim_role r ON r.role_id = p.role_id
            WHERE r.role_code = N'UNMAPPED' AND p.position_title = t.position_title AND p.staff_group = t.staff_group
              AND p.occupation_code = t.occupation_code AND p.area_of_work = t.area_of_work AND p.job_role = t.job_role)
        AND NOT EXISTS (
            SELECT 1 FROM staffdata.survey_line l JOIN staffdata.dim_role r ON r.role_id = l.role_id
            WHERE r.role_code = N'UNMAPPED' AND t.area_of_work = N'Survey return' AND l.role_as_written = t.position_title);

        -- Posts and survey roles that no longer map (a title override removed, a rule narrowed) join the queue again.
        INSERT INTO staffdata.review_unmapped_title (position_title, staff_group, occupation_code, area_of_work, job_role, row_count, first_seen_at, last_seen_at, first_batch_id, last_batch_id)
        SELECT p.position_title, p.staff_group, p.occupation_code, p.area_of_work, p.job_role, COUNT_BIG(*), SYSDATETIMEOFFSET(), SYSDATETIMEOFFSET(), MIN(f.batch_id), MAX(f.batch_id)
        FROM staffdata.dim_position p JOIN staffdata.dim_role r ON r.role_id = p.role_id JOIN staffdata.fact_staff_in_post f ON f.position_id = p.position_id
        WHERE r.role_code = N'UNMAPPED' AND NOT EXISTS (
            SELECT 1 FROM staffdata.review_unmapped_title t WHERE t.position_title = p.position_title AND t.staff_group = p.staff_group
              AND t.occupation_code = p.occupation_code AND t.area_of_work = p.area_of_work AND t.job_role = p.job_role)
        GROUP BY p.position_title, p.staff_group, p.occupation_code, p.area_of_work, p.job_role;

        INSERT INTO staffdata.review_unmapped_title (position_title, staff_group, occupation_code, area_of_work, job_role, row_count, first_seen_at, last_seen_at, first_batch_id, last_batch_id)
        SELECT l.role_as_written, N'', N'', N'Survey return', N'', COUNT_BIG(*), SYSDATETIMEOFFSET(), SYSDATETIMEOFFSET(), MIN(s.batch_id), MAX(s.batch_id)
        FROM staffdata.survey_line l JOIN staffdata.dim_role r ON r.role_id = l.role_id JOIN staffdata.survey_return s ON s.return_id = l.return_id
        WHERE r.role_code = N'UNMAPPED' AND s.superseded_by_batch_id IS NULL AND NOT EXISTS (
            SELECT 1 FROM staffdata.review_unmapped_title t WHERE t.area_of_work = N'Survey return' AND t.position_title = l.role_as_written)
        GROUP BY l.role_as_written;

        SELECT @updated AS FactsUpdated, @removed AS FactsRemovedAsOutOfScope, @lines AS SurveyLinesChanged, @areas AS ServiceAreaFactsChanged;
        """;

    public const string AppliedScripts = "SELECT v.ScriptName FROM staffdata.SchemaVersions v;";

    public const string ReplaceSuccessors = "DELETE FROM staffdata.organisation_successor;";

    public const string InsertSuccessor = "INSERT INTO staffdata.organisation_successor (old_code, new_code, effective_date) VALUES (@OldCode, @NewCode, @EffectiveDate);";

    public const string CurrentCodes = "SELECT o.organisation_code AS Code, o.current_organisation_code AS [Current] FROM staffdata.dim_organisation o;";

    public const string UpdateCurrentCode = "UPDATE staffdata.dim_organisation SET current_organisation_code = @Wanted WHERE organisation_code = @Code;";

    public const string OdsOrganisations = """
        SELECT o.organisation_code AS Code, o.organisation_name AS Name, o.parent_code AS ParentCode, o.national_grouping AS NationalGrouping, o.open_date AS OpenDate, o.close_date AS CloseDate
        FROM staffdata.ods_organisation o;
        """;

    public const string CreateOdsTable = """
        DROP TABLE IF EXISTS #ods;
        CREATE TABLE #ods (organisation_code nvarchar(12) COLLATE DATABASE_DEFAULT NOT NULL PRIMARY KEY, organisation_name nvarchar(200) COLLATE DATABASE_DEFAULT NOT NULL,
            parent_code nvarchar(12) COLLATE DATABASE_DEFAULT NULL, national_grouping nvarchar(10) COLLATE DATABASE_DEFAULT NULL, open_date date NULL, close_date date NULL);
        """;

    /// <summary>An ODS release's new and changed organisations (bulk-copied into #ods) into ods_organisation, and its trusts into the dimension.</summary>
    public const string ApplyOds = """
        UPDATE o SET o.organisation_name = n.organisation_name, o.parent_code = n.parent_code, o.national_grouping = n.national_grouping, o.open_date = n.open_date, o.close_date = n.close_date
        FROM staffdata.ods_organisation o JOIN #ods n ON n.organisation_code = o.organisation_code;

        INSERT INTO staffdata.ods_organisation (organisation_code, organisation_name, parent_code, national_grouping, open_date, close_date)
        SELECT n.organisation_code, n.organisation_name, n.parent_code, n.national_grouping, n.open_date, n.close_date
        FROM #ods n WHERE NOT EXISTS (SELECT 1 FROM staffdata.ods_organisation o WITH (UPDLOCK, HOLDLOCK) WHERE o.organisation_code = n.organisation_code);

        -- The team's own rows keep their name, type and region and gain the dates.
        UPDATE d SET
            d.organisation_name = CASE WHEN d.organisation_type IN (N'Unknown', N'Trust') THEN n.organisation_name ELSE d.organisation_name END,
            d.region_code = CASE WHEN d.organisation_type IN (N'Unknown', N'Trust') THEN n.national_grouping ELSE d.region_code END,
            d.organisation_type = CASE WHEN d.organisation_type = N'Unknown' THEN N'Trust' ELSE d.organisation_type END,
            d.open_date = n.open_date, d.close_date = n.close_date
        FROM staffdata.dim_organisation d JOIN #ods n ON n.organisation_code = d.organisation_code
        WHERE n.parent_code IS NULL;

        INSERT INTO staffdata.dim_organisation (organisation_code, organisation_name, organisation_type, region_code, open_date, close_date)
        SELECT n.organisation_code, n.organisation_name, N'Trust', n.national_grouping, n.open_date, n.close_date
        FROM #ods n
        WHERE n.parent_code IS NULL AND NOT EXISTS (SELECT 1 FROM staffdata.dim_organisation d WITH (UPDLOCK, HOLDLOCK) WHERE d.organisation_code = n.organisation_code);

        DROP TABLE #ods;
        """;
}
