-- What the loader role needs beyond 0004, so that a member of staffdata_loader (not sa, not db_owner) can load and run
-- the service, and nothing more:
--  * the hangfire schema, where `staffdata serve` keeps its jobs on SQL Server (Hangfire.SqlServer, SchemaName
--    'hangfire'). Made here, owned by dbo, so that its rights can be granted before Hangfire's tables exist: rights
--    granted on a schema cover the tables created in it later. Hangfire creates its tables at start-up only where the
--    service may (Warehouse:ApplyMigrations=true); where a DBA deploys, the DBA runs Hangfire's install script into
--    this schema (README, Using SQL Server).
--  * nothing else: bulk copy runs with CHECK_CONSTRAINTS, so it needs INSERT only (without it SQL Server would ask
--    for ALTER on every table with a foreign key, and leave the keys untrusted); the application locks
--    (sp_getapplock) and temporary tables need no grant.
-- Migrations (DDL) are not the loader's: a DBA runs `staffdata schema-script --provider SqlServer`, or an account in
-- db_ddladmin and db_securityadmin runs the loader once with Warehouse:ApplyMigrations=true.

IF SCHEMA_ID(N'hangfire') IS NULL EXEC (N'CREATE SCHEMA hangfire AUTHORIZATION dbo');
GO

GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::hangfire TO staffdata_loader;
GO
