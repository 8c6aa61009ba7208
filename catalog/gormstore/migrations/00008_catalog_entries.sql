-- Richer catalog entries, filled by staff or a bulk file and never invented:
-- a certification's description, issuer's page, Credential Engine CTID and
-- renewal period; an organization's CTID; a field's O*NET-SOC codes.
-- +goose Up
ALTER TABLE certifications ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE certifications ADD COLUMN url TEXT NOT NULL DEFAULT '';
ALTER TABLE certifications ADD COLUMN ce_ctid TEXT NOT NULL DEFAULT '';
ALTER TABLE certifications ADD COLUMN renewal_period_months INTEGER NOT NULL DEFAULT 0;
ALTER TABLE organizations ADD COLUMN ce_ctid TEXT NOT NULL DEFAULT '';
ALTER TABLE fields ADD COLUMN onet_soc_codes TEXT NOT NULL DEFAULT '[]';

-- +goose Down
ALTER TABLE fields DROP COLUMN onet_soc_codes;
ALTER TABLE organizations DROP COLUMN ce_ctid;
ALTER TABLE certifications DROP COLUMN renewal_period_months;
ALTER TABLE certifications DROP COLUMN ce_ctid;
ALTER TABLE certifications DROP COLUMN url;
ALTER TABLE certifications DROP COLUMN description;
