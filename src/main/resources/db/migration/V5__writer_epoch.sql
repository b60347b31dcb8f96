-- Cluster mode's fencing epoch: the one row says which writer's term it is. A node that takes the
-- writer lock bumps epoch; every command's transaction first checks that the row still holds its
-- own epoch (and counts the check, so the row always changes and its lock is taken), so a writer
-- that lost the lock while paused can never commit after its successor took over.
CREATE TABLE writer_epoch (
  id INT NOT NULL PRIMARY KEY,
  epoch BIGINT NOT NULL,
  node VARCHAR(64) NOT NULL,
  taken_at BIGINT NOT NULL,
  checks BIGINT NOT NULL
);

INSERT INTO writer_epoch (id, epoch, node, taken_at, checks) VALUES (1, 0, '', 0, 0);
