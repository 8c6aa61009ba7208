package catalogfeed

import (
	"encoding/json"
	"net/url"
	"strconv"

	"github.com/mssc/recert/catalog"
)

// ctdlContext is the JSON-LD context Credential Engine publishes for CTDL.
const ctdlContext = "https://credreg.net/ctdl/schema/context/json"

// language is the language of every text of the catalog.
const language = "en-US"

// qualityAssurers are the accrediting bodies of the recognition bases
// that are accreditations, named as the MSSC guide names them.
var qualityAssurers = map[catalog.RecognitionBasis]string{
	catalog.BasisANSI: "American National Standards Institute (ANSI)",
	catalog.BasisNCCA: "National Commission for Certifying Agencies (NCCA)",
}

// langString is a CTDL language map.
func langString(s string) map[string]string { return map[string]string{language: s} }

// certificationIRI is the address of an entry's JSON-LD.
func certificationIRI(base, key string) string {
	return base + "/catalog/certifications/" + url.PathEscape(key) + ".jsonld"
}

// ctdlCertification renders one entry as a ceterms:Certification.
func ctdlCertification(base string, c *catalog.Certification) map[string]any {
	node := map[string]any{
		"@type":        "ceterms:Certification",
		"@id":          certificationIRI(base, c.Key),
		"ceterms:name": langString(c.DisplayName),
	}
	if o := c.Organization; o != nil {
		org := map[string]any{"@type": "ceterms:CredentialOrganization", "ceterms:name": langString(o.Name)}
		if o.URL != "" {
			org["ceterms:subjectWebpage"] = o.URL
		}
		if o.Description != "" {
			org["ceterms:description"] = langString(o.Description)
		}
		node["ceterms:ownedBy"] = []any{org}
	}
	var assurers []any
	for _, b := range c.RecognitionBases {
		if name, ok := qualityAssurers[b]; ok {
			assurers = append(assurers, map[string]any{"@type": "ceterms:QACredentialOrganization", "ceterms:name": langString(name)})
		}
	}
	if len(assurers) > 0 {
		node["ceterms:accreditedBy"] = assurers
	}
	if c.URL != "" {
		node["ceterms:subjectWebpage"] = c.URL
	}
	if c.CTID != "" {
		node["ceterms:ctid"] = c.CTID
	}
	if c.Description != "" {
		node["ceterms:description"] = langString(c.Description)
	}
	if c.RenewalPeriodMonths > 0 {
		node["ceterms:renewalFrequency"] = "P" + strconv.Itoa(c.RenewalPeriodMonths) + "M"
	}
	if len(c.Aliases) > 0 {
		names := make([]string, len(c.Aliases))
		for i, a := range c.Aliases {
			names[i] = a.Value
		}
		node["ceterms:alternateName"] = map[string][]string{language: names}
	}
	return node
}

// writeCatalogJSONLD renders every ACTIVE entry as one JSON-LD graph.
func writeCatalogJSONLD(base string, snap *catalog.Snapshot) []byte {
	certs := snap.ActiveCertifications()
	graph := make([]any, len(certs))
	for i, c := range certs {
		graph[i] = ctdlCertification(base, c)
	}
	raw, _ := json.Marshal(map[string]any{"@context": ctdlContext, "@graph": graph})
	return raw
}

// writeEntryJSONLD renders one entry as a JSON-LD document.
func writeEntryJSONLD(base string, c *catalog.Certification) []byte {
	node := ctdlCertification(base, c)
	node["@context"] = ctdlContext
	raw, _ := json.Marshal(node)
	return raw
}
