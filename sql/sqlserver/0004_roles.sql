-- Least privilege. staffdata_loader: what loading needs. staffdata_analyst: the analyst views and the dimensions that
-- hold nothing personal; no access to person keys, assignment keys or quarantine detail.
-- A DBA adds members: ALTER ROLE staffdata_loader ADD MEMBER [DOMAIN\svc-staffdata];

IF DATABASE_PRINCIPAL_ID(N'staffdata_loader') IS NULL CREATE ROLE staffdata_loader AUTHORIZATION dbo;
IF DATABASE_PRINCIPAL_ID(N'staffdata_analyst') IS NULL CREATE ROLE staffdata_analyst AUTHORIZATION dbo;
GO

GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::staffdata TO staffdata_loader;
GO

GRANT SELECT ON staffdata.v_workforce_summary TO staffdata_analyst;
GRANT SELECT ON staffdata.v_load_history TO staffdata_analyst;
GRANT SELECT ON staffdata.v_survey_workforce TO staffdata_analyst;
GRANT SELECT ON staffdata.v_workforce_projection TO staffdata_analyst;
GRANT SELECT ON staffdata.v_supply_demand_gap TO staffdata_analyst;
GRANT SELECT ON staffdata.dim_date TO staffdata_analyst;
GRANT SELECT ON staffdata.dim_organisation TO staffdata_analyst;
GRANT SELECT ON staffdata.dim_role TO staffdata_analyst;
GRANT SELECT ON staffdata.dim_grade TO staffdata_analyst;
GRANT SELECT ON staffdata.dim_service_area TO staffdata_analyst;
GRANT SELECT ON staffdata.ods_organisation TO staffdata_analyst;
GRANT SELECT ON staffdata.organisation_successor TO staffdata_analyst;
DENY SELECT ON staffdata.dim_person TO staffdata_analyst;
DENY SELECT ON staffdata.rejected_row TO staffdata_analyst;
DENY SELECT ON staffdata.fact_staff_in_post (assignment_key) TO staffdata_analyst;
GO
