// Package catalogfeed serves the pre-approved catalog in open formats:
// /catalog.csv, /catalog.jsonld (Credential Engine's CTDL) and the same
// JSON-LD for one entry at /catalog/certifications/{key}.jsonld. Every
// answer carries an ETag of the catalog version and Cache-Control, and a
// conditional GET with that ETag answers 304 Not Modified. The CSV's text
// cells are guarded against formula injection and all its fields are
// quoted (internal/csvcell).
package catalogfeed
