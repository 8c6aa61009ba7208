package blobstore

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
)

func TestS3MultipartUpload(t *testing.T) {
	// One PUT of 20 MiB, streamed from the spool file: no multipart upload.
	s := openBackend(t, fakeS3(t), "").store
	content := pad(pdfBytes, 20<<20)
	limits := Limits{MaxBytes: int64(len(content))}
	got, err := s.Put(context.Background(), bytes.NewReader(content), "big.pdf", limits)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	attrs, err := s.Attributes(context.Background(), got.Key)
	if err != nil {
		t.Fatalf("Attributes: %v", err)
	}
	if attrs.Size != int64(len(content)) || attrs.ContentType != TypePDF {
		t.Errorf("Attributes = size %d, type %q; want %d, %q", attrs.Size, attrs.ContentType, len(content), TypePDF)
	}
	if back := readAll(t, s, got.Key); !bytes.Equal(back, content) {
		t.Errorf("read back %d bytes differing from the %d stored", len(back), len(content))
	}
}

// A missing bucket is a configuration mistake, not a missing file. (A HEAD
// request's 404 has no body to tell the two apart, so Attributes says
// NOT_FOUND, as it did with gocloud.dev's s3blob.)
func TestS3MissingBucketIsUnavailable(t *testing.T) {
	rawURL := strings.Replace(fakeS3(t), "s3://"+fakeBucket, "s3://no-such-bucket", 1)
	s := openBackend(t, rawURL, "").store
	_, err := s.Put(context.Background(), bytes.NewReader(pdfBytes), "x.pdf", DefaultLimits())
	assertCode(t, err, catalog.CodeUnavailable, "")
	_, err = s.Open(context.Background(), keyFor(sum(pdfBytes)))
	assertCode(t, err, catalog.CodeUnavailable, "")
}

func TestS3PutRefusesAboveOnePut(t *testing.T) {
	srv := newFakeS3Server(t, nil)
	useTestKeys(t)
	s := openBackend(t, srv.bucketURL(pathStyle()), "").store
	err := s.objects.put(context.Background(), keyFor(sum(pdfBytes)), TypePDF, bytes.NewReader(pdfBytes), maxS3PutBytes+1)
	if err == nil || !strings.Contains(err.Error(), "single PUT") {
		t.Errorf("put of more than 5 GiB = %v, want an error saying a single PUT takes less", err)
	}
	if seen := srv.requests(); len(seen) != 0 {
		t.Errorf("%d requests sent, want none", len(seen))
	}
}
