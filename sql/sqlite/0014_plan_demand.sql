-- Stated demand and the gap by service area (issue 21): each plan run records, per unit, role (or family), service area
-- and year, the demand the latest returns state for that service area, the supply set against it and the gap. Phase
-- one (rare disease, inherited cancer) and phase two (the cancer arm: Cancer (somatic)) stand side by side.
--
-- How supply is set against a service area (the plan's method, docs/flows-and-projection.md): the role's supply times
-- the share of the WTE in post the unit's returns give that service area for the role (supply_share). With demand in
-- one service area only, all the supply counts there (share 1). Where the returns give no WTE in post for one of the
-- role's service areas, no split is invented: supply and gap are null and split_note says so; demand still stands.
-- A family's line adds its roles' (each split its own way) within each Monte Carlo run; its supply_share is null.
CREATE TABLE IF NOT EXISTS plan_demand (
    run_id            INTEGER NOT NULL REFERENCES plan_run (run_id),
    unit_kind         TEXT    NOT NULL CHECK (unit_kind IN ('national', 'region', 'glh', 'organisation')),
    unit_code         TEXT    NOT NULL,
    role_code         TEXT    NOT NULL,     -- a role code, or the family name on a family line
    role_family       TEXT    NOT NULL,
    is_family         INTEGER NOT NULL CHECK (is_family IN (0, 1)),
    service_area_code TEXT    NOT NULL,     -- RARE-DISEASE, INHERITED-CANCER, CANCER-SOMATIC or UNSPECIFIED
    service_area_name TEXT    NOT NULL,
    phase             TEXT    NOT NULL CHECK (phase IN ('phase one', 'phase two', 'not stated')),
    year              INTEGER NOT NULL CHECK (year BETWEEN 0 AND 50),
    demand_fte        REAL    NOT NULL,
    supply_share      REAL,
    supply_fte_p10    REAL,
    supply_fte_p50    REAL,
    supply_fte_p90    REAL,
    gap_fte_p10       REAL,
    gap_fte_p50       REAL,
    gap_fte_p90       REAL,
    split_note        TEXT    NOT NULL,
    PRIMARY KEY (run_id, unit_kind, unit_code, is_family, role_code, service_area_code, year)
) WITHOUT ROWID;

-- Phase one and phase two side by side for the latest baseline run: per unit, role (or family) and year, the demand,
-- the supply set against it (P50) and the gap (P10, P50, P90) of each phase, the service areas of a phase added up.
-- A phase's supply and gap are null when a service area in it has no split (plan_demand.split_note says why).
DROP VIEW IF EXISTS v_plan_demand_by_phase;
CREATE VIEW v_plan_demand_by_phase AS
SELECT
    d.run_id                   AS run_id,
    d.unit_kind                AS unit_kind,
    d.unit_code                AS unit_code,
    d.role_code                AS role_code,
    d.role_family              AS role_family,
    d.is_family                AS is_family,
    d.year                     AS year,
    SUM(CASE WHEN d.phase = 'phase one' THEN d.demand_fte END)  AS phase_one_demand_fte,
    CASE WHEN SUM(CASE WHEN d.phase = 'phase one' AND d.supply_fte_p50 IS NULL THEN 1 ELSE 0 END) = 0
         THEN SUM(CASE WHEN d.phase = 'phase one' THEN d.supply_fte_p50 END) END AS phase_one_supply_fte_p50,
    CASE WHEN SUM(CASE WHEN d.phase = 'phase one' AND d.gap_fte_p50 IS NULL THEN 1 ELSE 0 END) = 0
         THEN SUM(CASE WHEN d.phase = 'phase one' THEN d.gap_fte_p10 END) END AS phase_one_gap_fte_p10,
    CASE WHEN SUM(CASE WHEN d.phase = 'phase one' AND d.gap_fte_p50 IS NULL THEN 1 ELSE 0 END) = 0
         THEN SUM(CASE WHEN d.phase = 'phase one' THEN d.gap_fte_p50 END) END AS phase_one_gap_fte_p50,
    CASE WHEN SUM(CASE WHEN d.phase = 'phase one' AND d.gap_fte_p50 IS NULL THEN 1 ELSE 0 END) = 0
         THEN SUM(CASE WHEN d.phase = 'phase one' THEN d.gap_fte_p90 END) END AS phase_one_gap_fte_p90,
    SUM(CASE WHEN d.phase = 'phase two' THEN d.demand_fte END)  AS phase_two_demand_fte,
    CASE WHEN SUM(CASE WHEN d.phase = 'phase two' AND d.supply_fte_p50 IS NULL THEN 1 ELSE 0 END) = 0
         THEN SUM(CASE WHEN d.phase = 'phase two' THEN d.supply_fte_p50 END) END AS phase_two_supply_fte_p50,
    CASE WHEN SUM(CASE WHEN d.phase = 'phase two' AND d.gap_fte_p50 IS NULL THEN 1 ELSE 0 END) = 0
         THEN SUM(CASE WHEN d.phase = 'phase two' THEN d.gap_fte_p10 END) END AS phase_two_gap_fte_p10,
    CASE WHEN SUM(CASE WHEN d.phase = 'phase two' AND d.gap_fte_p50 IS NULL THEN 1 ELSE 0 END) = 0
         THEN SUM(CASE WHEN d.phase = 'phase two' THEN d.gap_fte_p50 END) END AS phase_two_gap_fte_p50,
    CASE WHEN SUM(CASE WHEN d.phase = 'phase two' AND d.gap_fte_p50 IS NULL THEN 1 ELSE 0 END) = 0
         THEN SUM(CASE WHEN d.phase = 'phase two' THEN d.gap_fte_p90 END) END AS phase_two_gap_fte_p90,
    SUM(CASE WHEN d.phase = 'not stated' THEN d.demand_fte END) AS unspecified_demand_fte
FROM plan_demand d
WHERE d.run_id = (SELECT MAX(run_id) FROM plan_run WHERE scenario = 'baseline')
GROUP BY d.run_id, d.unit_kind, d.unit_code, d.role_code, d.role_family, d.is_family, d.year;
