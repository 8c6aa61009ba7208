-- Application workflow integrity: one open application per candidate,
-- program and cycle, whatever the timing of the requests (a partial unique
-- index: a closed denial does not hold the cycle), and the cycle's own
-- expiration kept on a held certification while a granted extension has
-- moved its expiration.
-- The index cannot be built while a candidate has two open applications for
-- one cycle (the race this closes); staff settle those first, found with
--   SELECT candidate_id, program, cycle_expires_on, COUNT(*) FROM applications
--   WHERE status <> 'CLOSED_DENIED'
--   GROUP BY candidate_id, program, cycle_expires_on HAVING COUNT(*) > 1;
-- +goose Up
CREATE UNIQUE INDEX applications_one_open_per_cycle
    ON applications (candidate_id, program, cycle_expires_on)
    WHERE status <> 'CLOSED_DENIED';
ALTER TABLE held_certifications ADD COLUMN extended_from DATE;

-- +goose Down
ALTER TABLE held_certifications DROP COLUMN extended_from;
DROP INDEX applications_one_open_per_cycle;
