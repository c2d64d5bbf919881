-- Finds an assignment that appears twice in one batch (same month and organisation) with one ordered scan,
-- so that loaders need no memory that grows with the file. Also serves lookups by batch.
DROP INDEX IF EXISTS ix_fact_staff_in_post_batch;
CREATE INDEX IF NOT EXISTS ix_fact_staff_in_post_batch_assignment
    ON fact_staff_in_post (batch_id, snapshot_date_key, organisation_id, assignment_key);
