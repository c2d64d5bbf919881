-- Stated demand and the gap by service area (issue 21): each plan run records, per unit, role (or family), service area
-- and year, the demand the latest returns state for that service area, the supply set against it and the gap. Phase
-- one (rare disease, inherited cancer) and phase two (the cancer arm: Cancer (somatic)) stand side by side.
-- The method (supply_share, split_note) is described in sql/sqlite/0014_plan_demand.sql and docs/flows-and-projection.md.
CREATE TABLE staffdata.plan_demand (
    run_id            bigint        NOT NULL CONSTRAINT fk_plan_demand_run REFERENCES staffdata.plan_run (run_id),
    unit_kind         nvarchar(20)  NOT NULL CONSTRAINT ck_plan_demand_kind CHECK (unit_kind IN (N'national', N'region', N'glh', N'organisation')),
    unit_code         nvarchar(100) NOT NULL,
    role_code         nvarchar(100) NOT NULL,
    role_family       nvarchar(100) NOT NULL,
    is_family         bit           NOT NULL,
    service_area_code nvarchar(40)  NOT NULL,
    service_area_name nvarchar(100) NOT NULL,
    phase             nvarchar(20)  NOT NULL CONSTRAINT ck_plan_demand_phase CHECK (phase IN (N'phase one', N'phase two', N'not stated')),
    [year]            int           NOT NULL,
    demand_fte        float         NOT NULL,
    supply_share      float NULL,
    supply_fte_p10    float NULL,
    supply_fte_p50    float NULL,
    supply_fte_p90    float NULL,
    gap_fte_p10       float NULL,
    gap_fte_p50       float NULL,
    gap_fte_p90       float NULL,
    split_note        nvarchar(400) NOT NULL,
    CONSTRAINT pk_plan_demand PRIMARY KEY (run_id, unit_kind, unit_code, is_family, role_code, service_area_code, [year])
);
GO

-- Phase one and phase two side by side for the latest baseline run (as on SQLite).
CREATE VIEW staffdata.v_plan_demand_by_phase AS
SELECT
    d.run_id                   AS run_id,
    d.unit_kind                AS unit_kind,
    d.unit_code                AS unit_code,
    d.role_code                AS role_code,
    d.role_family              AS role_family,
    d.is_family                AS is_family,
    d.[year]                   AS [year],
    SUM(CASE WHEN d.phase = N'phase one' THEN d.demand_fte END)  AS phase_one_demand_fte,
    CASE WHEN SUM(CASE WHEN d.phase = N'phase one' AND d.supply_fte_p50 IS NULL THEN 1 ELSE 0 END) = 0
         THEN SUM(CASE WHEN d.phase = N'phase one' THEN d.supply_fte_p50 END) END AS phase_one_supply_fte_p50,
    CASE WHEN SUM(CASE WHEN d.phase = N'phase one' AND d.gap_fte_p50 IS NULL THEN 1 ELSE 0 END) = 0
         THEN SUM(CASE WHEN d.phase = N'phase one' THEN d.gap_fte_p10 END) END AS phase_one_gap_fte_p10,
    CASE WHEN SUM(CASE WHEN d.phase = N'phase one' AND d.gap_fte_p50 IS NULL THEN 1 ELSE 0 END) = 0
         THEN SUM(CASE WHEN d.phase = N'phase one' THEN d.gap_fte_p50 END) END AS phase_one_gap_fte_p50,
    CASE WHEN SUM(CASE WHEN d.phase = N'phase one' AND d.gap_fte_p50 IS NULL THEN 1 ELSE 0 END) = 0
         THEN SUM(CASE WHEN d.phase = N'phase one' THEN d.gap_fte_p90 END) END AS phase_one_gap_fte_p90,
    SUM(CASE WHEN d.phase = N'phase two' THEN d.demand_fte END)  AS phase_two_demand_fte,
    CASE WHEN SUM(CASE WHEN d.phase = N'phase two' AND d.supply_fte_p50 IS NULL THEN 1 ELSE 0 END) = 0
         THEN SUM(CASE WHEN d.phase = N'phase two' THEN d.supply_fte_p50 END) END AS phase_two_supply_fte_p50,
    CASE WHEN SUM(CASE WHEN d.phase = N'phase two' AND d.gap_fte_p50 IS NULL THEN 1 ELSE 0 END) = 0
         THEN SUM(CASE WHEN d.phase = N'phase two' THEN d.gap_fte_p10 END) END AS phase_two_gap_fte_p10,
    CASE WHEN SUM(CASE WHEN d.phase = N'phase two' AND d.gap_fte_p50 IS NULL THEN 1 ELSE 0 END) = 0
         THEN SUM(CASE WHEN d.phase = N'phase two' THEN d.gap_fte_p50 END) END AS phase_two_gap_fte_p50,
    CASE WHEN SUM(CASE WHEN d.phase = N'phase two' AND d.gap_fte_p50 IS NULL THEN 1 ELSE 0 END) = 0
         THEN SUM(CASE WHEN d.phase = N'phase two' THEN d.gap_fte_p90 END) END AS phase_two_gap_fte_p90,
    SUM(CASE WHEN d.phase = N'not stated' THEN d.demand_fte END) AS unspecified_demand_fte
FROM staffdata.plan_demand d
WHERE d.run_id = (SELECT MAX(x.run_id) FROM staffdata.plan_run x WHERE x.scenario = N'baseline')
GROUP BY d.run_id, d.unit_kind, d.unit_code, d.role_code, d.role_family, d.is_family, d.[year];
GO

GRANT SELECT ON staffdata.plan_demand TO staffdata_analyst;
GRANT SELECT ON staffdata.v_plan_demand_by_phase TO staffdata_analyst;
GO
