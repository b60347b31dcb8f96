-- SQLite's form of V1 (db/mysql/V1__foundation.sql): the same tables; only the audit log's key
-- differs, an INTEGER PRIMARY KEY that SQLite numbers itself (it has no AUTO_INCREMENT).

-- The persisted anchors of each live core (agenda, screen, ...), one row per core.
-- rev is the revision of the core's topic that this state produced.
CREATE TABLE core_state (
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  rev        BIGINT       NOT NULL,
  state      LONGTEXT     NOT NULL,
  updated_at BIGINT       NOT NULL
);

-- Every accepted command, written in the same transaction as its state change.
CREATE TABLE audit_log (
  id         INTEGER      NOT NULL PRIMARY KEY,
  at_ms      BIGINT       NOT NULL,
  actor      VARCHAR(128) NOT NULL,
  role       VARCHAR(16)  NOT NULL,
  command    VARCHAR(64)  NOT NULL,
  args       LONGTEXT     NOT NULL,
  topic      VARCHAR(32),
  rev        BIGINT
);

CREATE INDEX audit_log_command ON audit_log (command, at_ms);
