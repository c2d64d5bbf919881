-- A stored row no longer inserts a random key into an index of the whole fact table (issue 25).
--
-- ix_fact_staff_in_post_batch_assignment (0003) ended in the assignment's keyed hash: every fact of a batch went to a
-- random place in it, and at 1.5 million facts it is about 90 MB, far beyond the load's page cache, so most rows read
-- and wrote a page that was not cached. Without the hash, a batch's facts go to the end of their (month,
-- organisation) run: a few hundred places, all cached. What it served still has an index: the batch's months and
-- organisations (supersession, withdrawal, the identifier check) read this one alone, and the check for an
-- assignment that appears twice in one batch (SqliteBatchWriter) sorts each month and organisation of the batch on its
-- own, in bounded memory, by the assignment's key. No key or row changes.
CREATE INDEX IF NOT EXISTS ix_fact_staff_in_post_batch_month_org ON fact_staff_in_post (batch_id, snapshot_date_key, organisation_id);
DROP INDEX IF EXISTS ix_fact_staff_in_post_batch_assignment;
