-- Plan runs (issue 21): `staffdata plan` reads the stock, flows, trainees and stated demand, runs the planning model
-- (src/StaffDataPipeline.Core/Planning) and records each run here. Nothing else writes these tables; a run is never
-- changed after it is recorded, so every figure names the data, assumptions, scenario and seed that produced it.

CREATE TABLE IF NOT EXISTS plan_run (
    run_id              INTEGER PRIMARY KEY,
    ran_at              TEXT    NOT NULL,             -- UTC, ISO 8601
    data_as_of          TEXT    NOT NULL,             -- the latest snapshot read (yyyy-mm-dd)
    assumptions_version TEXT    NOT NULL,             -- P. and a hash of training-pipelines.csv and planning-assumptions.csv
    scenario            TEXT    NOT NULL,             -- 'baseline' (scenarios: issue 22)
    seed                INTEGER NOT NULL,
    runs                INTEGER NOT NULL              -- Monte Carlo runs (0: the expected projection)
);

-- One row per run, unit (England, region, GLH or organisation), role or role family, and year 0 to 10.
-- Supply, demand and gap are FTE; gap = demand - supply (positive: a shortfall), null where no return states demand.
-- Commissions needed (starters a year from next year on the route that qualifies into the role, to close the gap at
-- that horizon) are on years 5 and 10 of the qualified role's line; null with commissions_note saying why.
-- An organisation's role under the threshold has rows with no figures and flags = 'organisation below threshold'.
CREATE TABLE IF NOT EXISTS plan_projection (
    run_id                   INTEGER NOT NULL REFERENCES plan_run (run_id),
    unit_kind                TEXT    NOT NULL CHECK (unit_kind IN ('national', 'region', 'glh', 'organisation')),
    unit_code                TEXT    NOT NULL,
    unit_name                TEXT    NOT NULL,
    role_code                TEXT    NOT NULL,     -- a role code, or the family name on a family line
    role_family              TEXT    NOT NULL,
    is_family                INTEGER NOT NULL CHECK (is_family IN (0, 1)),
    year                     INTEGER NOT NULL CHECK (year BETWEEN 0 AND 50),
    supply_fte_p10           REAL,
    supply_fte_p50           REAL,
    supply_fte_p90           REAL,
    supply_heads_p50         REAL,
    demand_fte               REAL,
    gap_fte_p10              REAL,
    gap_fte_p50              REAL,
    gap_fte_p90              REAL,
    commissions_route_code   TEXT,
    commissions_baseline     REAL,
    commissions_needed_p10   REAL,
    commissions_needed_p50   REAL,
    commissions_needed_p90   REAL,
    commissions_note         TEXT,
    observed_months          INTEGER NOT NULL,
    observed_person_years    REAL,
    flags                    TEXT,
    PRIMARY KEY (run_id, unit_kind, unit_code, is_family, role_code, year)
) WITHOUT ROWID;

-- Every route's commissions needed per unit and horizon (plan_projection carries the first route into each role).
CREATE TABLE IF NOT EXISTS plan_commission (
    run_id              INTEGER NOT NULL REFERENCES plan_run (run_id),
    unit_kind           TEXT    NOT NULL,
    unit_code           TEXT    NOT NULL,
    route_code          TEXT    NOT NULL,
    qualified_role_code TEXT    NOT NULL,
    horizon_years       INTEGER NOT NULL,
    baseline_per_year   REAL    NOT NULL,
    needed_p10          REAL,
    needed_p50          REAL,
    needed_p90          REAL,
    note                TEXT,
    PRIMARY KEY (run_id, unit_kind, unit_code, route_code, horizon_years)
) WITHOUT ROWID;
