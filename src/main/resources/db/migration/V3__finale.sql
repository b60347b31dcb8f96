-- The final's score ledger: every score sheet a judge submitted and every correction of it,
-- append-only, written in the same transaction as the command that made it. The live state
-- (entries, finalists, order, sheets, reveal) is the "final" row of core_state; this table is
-- the organisers' paper trail and is never read back into the live state.
-- seq numbers the versions of one sheet: 0 is the first submission, 1.. its corrections.
CREATE TABLE final_score_log (
  judge_id      VARCHAR(32)   NOT NULL,
  unit          VARCHAR(32)   NOT NULL,
  seq           INT           NOT NULL,
  at_ms         BIGINT        NOT NULL,
  actor         VARCHAR(128)  NOT NULL,
  scores        LONGTEXT      NOT NULL,
  total         DECIMAL(9, 2) NOT NULL,
  before_scores LONGTEXT,
  before_total  DECIMAL(9, 2),
  reason        VARCHAR(500),
  PRIMARY KEY (judge_id, unit, seq)
);
