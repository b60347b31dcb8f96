-- Stage 1 participation: one row per person known to the learning platform, as merged from
-- every import (latest activity wins, best score kept, completion kept once set).
-- person_key is the platform's person id as UTF-8 bytes, compared byte for byte under H2
-- and under any MySQL/MariaDB collation (a text key would merge "An" and "an" there).
-- Times are epoch ms; score is in hundredths of a point (0..10000). name is personal data:
-- only the unit's own report reads it. Rows are replaced whole (delete, then insert).
CREATE TABLE participation_person (
  person_key       VARBINARY(512) NOT NULL PRIMARY KEY,
  person           VARCHAR(128)   NOT NULL,
  unit             VARCHAR(32)    NOT NULL,
  name             VARCHAR(200),
  enrolled_at      BIGINT,
  completed_at     BIGINT,
  score            INT,
  last_activity_at BIGINT         NOT NULL,
  updated_at       BIGINT         NOT NULL
);

-- Headcounts set by the organisers; a unit without a row keeps the event file's headcount.
CREATE TABLE unit_headcount (
  unit       VARCHAR(32) NOT NULL PRIMARY KEY,
  headcount  INT         NOT NULL,
  updated_at BIGINT      NOT NULL
);
