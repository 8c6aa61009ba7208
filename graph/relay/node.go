// Package relay holds the Relay conventions of the API: the Node interface,
// opaque global IDs and opaque connection cursors.
package relay

// Node is any object with a global ID. The GraphQL Node interface binds to
// it; the catalog's entities satisfy it without knowing of GraphQL.
type Node interface{}
