package catalog

// HeldVersion returns the version of the snapshot c holds now, without
// asking the store, for the tests of package catalog_test: an announcement
// must never run ahead of it.
func HeldVersion(c *Catalog) int64 { return c.current.Load().Version() }
