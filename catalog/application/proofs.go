package application

import (
	"context"
	"io"

	"github.com/mssc/recert/catalog"
)

// ProofStore finds the applications an uploaded proof belongs to.
type ProofStore interface {
	// ApplicationsWithProof returns the applications with a proof stored
	// under key: those of the candidate with candidateNumber, or of every
	// candidate when it is empty.
	ApplicationsWithProof(ctx context.Context, key, candidateNumber string) ([]*Application, error)
}

// Proofs serves the proof files attached to applications' activities: the
// application's candidate and staff may read them; to anyone else a proof
// does not exist, exactly like an unknown file.
type Proofs struct {
	store ProofStore
	files catalog.FileStorage
}

// NewProofs returns the proof file service.
func NewProofs(store ProofStore, files catalog.FileStorage) *Proofs {
	return &Proofs{store: store, files: files}
}

// OpenFile reads the proof stored under key, for staff and for the
// candidate whose application it is attached to.
func (s *Proofs) OpenFile(ctx context.Context, key string) (io.ReadCloser, catalog.StoredFile, error) {
	p := catalog.PrincipalFrom(ctx)
	if key == "" || !p.Has(catalog.RoleStaff) && !p.Has(catalog.RoleCandidate) {
		return nil, catalog.StoredFile{}, catalog.NotFound("no such file")
	}
	// A candidate's search is narrowed to their own applications; staff
	// search them all.
	owner := ""
	if !p.Has(catalog.RoleStaff) {
		owner = p.CandidateNumber
		if owner == "" {
			return nil, catalog.StoredFile{}, catalog.NotFound("no such file")
		}
	}
	apps, err := s.store.ApplicationsWithProof(ctx, key, owner)
	if err != nil {
		return nil, catalog.StoredFile{}, err
	}
	for _, a := range apps {
		if owner != "" && a.CandidateNumber != owner {
			continue
		}
		for _, act := range a.Activities {
			for _, f := range act.Proofs {
				if f.Key == key {
					rc, err := s.files.Open(ctx, key)
					return rc, f, err
				}
			}
		}
	}
	return nil, catalog.StoredFile{}, catalog.NotFound("no such file")
}

// FileReader reads an uploaded file for the principal of ctx, answering
// NOT_FOUND for a file the principal may not read.
type FileReader interface {
	// OpenFile reads the file stored under key.
	OpenFile(ctx context.Context, key string) (io.ReadCloser, catalog.StoredFile, error)
}

// AnyFileReader reads a file through the first of readers that lets the
// principal read it: a catalog review's copy, an application's proof. A
// file none of them lets the principal read is NOT_FOUND.
func AnyFileReader(readers ...FileReader) FileReader {
	return anyFileReader(readers)
}

type anyFileReader []FileReader

// OpenFile asks each reader in turn.
func (readers anyFileReader) OpenFile(ctx context.Context, key string) (io.ReadCloser, catalog.StoredFile, error) {
	for _, r := range readers {
		rc, f, err := r.OpenFile(ctx, key)
		if catalog.ErrorCode(err) != catalog.CodeNotFound {
			return rc, f, err
		}
	}
	return nil, catalog.StoredFile{}, catalog.NotFound("no such file")
}
