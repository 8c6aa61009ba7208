// Package search matches what a person typed against the catalog: the
// certification search and the credential check ("does my credential
// count?"), which share one matcher built once per snapshot.
package search
