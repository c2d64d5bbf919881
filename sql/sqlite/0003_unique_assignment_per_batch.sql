-- An assignment appears once per month and organisation in a batch; a second occurrence is quarantined.
-- The warehouse enforces it so that loaders need no memory that grows with the file.
DROP INDEX IF EXISTS ix_fact_staff_in_post_batch;
CREATE UNIQUE INDEX IF NOT EXISTS ux_fact_staff_in_post_batch_assignment
    ON fact_staff_in_post (batch_id, snapshot_date_key, organisation_id, assignment_key);
