// Package review holds the catalog reviews candidates ask for and the
// staff curation of the catalog, with its history and bulk changes.
package review
