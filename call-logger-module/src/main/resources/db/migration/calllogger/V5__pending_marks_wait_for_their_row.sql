-- A mark whose call has no row yet (its facts were written first, e.g. by another instance while
-- the call's own instance was writing to its journal) now waits for the row instead of being
-- dropped by the fold, so a batch no longer has to look for stored facts before inserting its
-- calls. marked_at lets the daily retention delete marks whose row never came.
ALTER TABLE derived_pending ADD COLUMN marked_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP;
