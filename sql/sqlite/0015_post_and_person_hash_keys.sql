-- Loads find a post or a person through a small integer index instead of a wide unique one (issue 25).
--
-- dim_position was unique on its seven descriptors and dim_person on its 32-character key. Every stored row inserted a
-- random key into both indexes, and at a national scale (1.5 million posts and people) they are several hundred MB,
-- far beyond any page cache, so most rows read and wrote pages that were not cached. Now:
-- - dim_position.post_hash holds a 64-bit hash of the seven descriptors (computed by the loader, StaffDataPipeline.Sqlite
--   PostHash; NULL until the next load fills it in for posts written before this script), indexed, not unique: a load
--   looks a post up by its hash and compares the descriptors, so two posts whose hashes collide stay two posts;
-- - dim_person is indexed on the first 16 characters of person_key (64 bits of the keyed hash), not unique: a load
--   looks a person up by the prefix and compares the whole key.
-- The loader keeps both unique. Every key stays as it was: the tables are rebuilt with the same ids and columns in the
-- same order (SQLite cannot drop a table's UNIQUE constraint in place), as 0011 rebuilt load_batch.
-- Dropping a parent table checks every row it held against its children (foreign keys stay on: DbUp runs this in a
-- transaction, where PRAGMA foreign_keys cannot change). fact_staff_in_post has no index led by person_id, so without
-- this one each of the people would scan every fact: hours on a national warehouse, seconds with it.
CREATE INDEX ix_fact_staff_in_post_person_migration ON fact_staff_in_post (person_id);
CREATE TEMP TABLE dim_position_copy AS SELECT * FROM dim_position;
CREATE TEMP TABLE dim_person_copy AS SELECT * FROM dim_person;
PRAGMA defer_foreign_keys = ON;
DROP TABLE dim_position;
DROP TABLE dim_person;

CREATE TABLE dim_person (
    person_id  INTEGER PRIMARY KEY,
    person_key TEXT NOT NULL            -- unique: the loader looks it up by ix_dim_person_key_prefix before inserting
);

CREATE TABLE dim_position (
    position_id      INTEGER PRIMARY KEY,
    position_title   TEXT NOT NULL,
    staff_group      TEXT NOT NULL,
    occupation_code  TEXT NOT NULL,
    area_of_work     TEXT NOT NULL,
    job_role         TEXT NOT NULL,
    cost_centre      TEXT NOT NULL,
    grade_as_written TEXT NOT NULL,
    role_id          INTEGER NOT NULL REFERENCES dim_role (role_id),
    rule_id          TEXT NOT NULL,
    taxonomy_version TEXT NOT NULL,
    post_hash        INTEGER            -- unique in its seven descriptors: the loader looks them up by this hash before inserting
);

INSERT INTO dim_person (person_id, person_key) SELECT person_id, person_key FROM dim_person_copy ORDER BY person_id;
INSERT INTO dim_position (position_id, position_title, staff_group, occupation_code, area_of_work, job_role, cost_centre, grade_as_written, role_id, rule_id, taxonomy_version)
SELECT position_id, position_title, staff_group, occupation_code, area_of_work, job_role, cost_centre, grade_as_written, role_id, rule_id, taxonomy_version
FROM dim_position_copy ORDER BY position_id;
DROP TABLE dim_position_copy;
DROP TABLE dim_person_copy;

CREATE INDEX IF NOT EXISTS ix_dim_person_key_prefix ON dim_person (substr(person_key, 1, 16));
CREATE INDEX IF NOT EXISTS ix_dim_position_post_hash ON dim_position (post_hash);

DROP INDEX ix_fact_staff_in_post_person_migration;
