-- Stage 1 participation, re-keyed for bulk imports: one row per person as before, but keyed by
-- a number the server assigns (the in-memory ledger, the only writer, knows every person's
-- number and keeps one row per person), instead of the platform's id as VARBINARY. An
-- embedded H2 table whose primary key is not a BIGINT keeps every row twice (the rows by an
-- internal row id, and the key's index), which made a 100,000-row import write and commit
-- twice as much. The platform's id stays in person; rows are still replaced whole (delete by
-- id, then insert). ROW_NUMBER() numbers the rows already imported (H2, MariaDB 10.2+, MySQL 8).
CREATE TABLE participation_record (
  id               BIGINT         NOT NULL PRIMARY KEY,
  person           VARCHAR(128)   NOT NULL,
  unit             VARCHAR(32)    NOT NULL,
  name             VARCHAR(200),
  enrolled_at      BIGINT,
  completed_at     BIGINT,
  score            INT,
  last_activity_at BIGINT         NOT NULL,
  updated_at       BIGINT         NOT NULL
);

INSERT INTO participation_record (id, person, unit, name, enrolled_at, completed_at, score, last_activity_at, updated_at)
SELECT ROW_NUMBER() OVER (ORDER BY person_key), person, unit, name, enrolled_at, completed_at, score, last_activity_at, updated_at
FROM participation_person;

DROP TABLE participation_person;
