package blobstore

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"

	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/minio/minio-go/v7/pkg/s3utils"
)

// maxS3PutBytes is the largest object S3 accepts in one PUT (5 GiB).
//
// Every upload is at most the Store's Limits.MaxBytes, which the server
// takes from MAX_UPLOAD_BYTES; internal/config accepts at most 1 GiB
// there (10 MiB by default), far below this bound, so a single PUT always
// suffices and this store needs no multipart upload. put refuses larger
// content rather than sending a request S3 would reject.
const maxS3PutBytes = 5 << 30

// s3Store keeps objects in a bucket of an S3-compatible store (s3://). It
// speaks the three requests it needs (HEAD, GET and PUT of one object)
// itself, signed with AWS Signature Version 4 by minio-go's signer package.
type s3Store struct {
	// client sends the requests; it follows no redirects, whose signature
	// would not match.
	client *http.Client
	// creds is the credential chain, asked before each request (it caches
	// and refreshes what it finds).
	creds *credentials.Credentials
	// bucket is the bucket's name.
	bucket string
	// scheme is "https", or "http" without TLS.
	scheme string
	// endpoint is the server's host[:port] as the URL gave it.
	endpoint string
	// regional says whether endpoint is AWS's global endpoint, to be
	// replaced by the bucket's regional (dual-stack) one.
	regional bool
	// virtualHost says whether requests name the bucket in the host
	// (bucket.endpoint/key) rather than in the path (endpoint/bucket/key).
	virtualHost bool

	// mu guards region.
	mu sync.Mutex
	// region is the bucket's region: the URL's, or once known the one the
	// server reported; "" until then.
	region string
}

// openS3Store opens the bucket u names. It makes no request: a wrong
// endpoint or missing credentials show on the first call.
//
// Credentials come from the usual chain, first match wins: the environment
// (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, or MinIO's
// MINIO_ACCESS_KEY and MINIO_SECRET_KEY), the shared credentials file
// (AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials, profile from the URL
// or AWS_PROFILE), then an IAM role: web identity (AWS_WEB_IDENTITY_TOKEN_FILE
// and AWS_ROLE_ARN), ECS task credentials, or the EC2 instance metadata.
// When none has credentials, requests are sent unsigned.
func openS3Store(_ context.Context, u *url.URL) (*s3Store, error) {
	cfg, err := parseS3URL(u)
	if err != nil {
		return nil, err
	}
	creds := credentials.NewChainCredentials([]credentials.Provider{
		&credentials.EnvAWS{},
		&credentials.EnvMinio{},
		&credentials.FileAWSCredentials{Profile: cfg.profile},
		&credentials.IAM{},
	})
	if cfg.anonymous {
		creds = credentials.NewStatic("", "", "", credentials.SignatureAnonymous)
	}
	s := &s3Store{
		client:   newS3HTTPClient(cfg.secure),
		creds:    creds,
		bucket:   cfg.bucket,
		scheme:   "http",
		endpoint: cfg.endpoint,
		regional: cfg.endpoint == defaultS3Endpoint,
		region:   cfg.region,
	}
	if cfg.secure {
		s.scheme = "https"
	}
	if cfg.pathStyle != nil {
		s.virtualHost = !*cfg.pathStyle
	} else {
		// Virtual-hosted on AWS, Google and Aliyun, path-style elsewhere,
		// as minio-go chose.
		s.virtualHost = s3utils.IsVirtualHostSupported(url.URL{Scheme: s.scheme, Host: s.endpoint}, s.bucket)
	}
	return s, nil
}

func (s *s3Store) stat(ctx context.Context, key string) (objectInfo, error) {
	resp, err := s.do(ctx, s3Request{method: http.MethodHead, key: key})
	if err != nil {
		return objectInfo{}, err
	}
	_ = resp.Body.Close()
	return objectInfo{size: resp.ContentLength, contentType: resp.Header.Get("Content-Type")}, nil
}

// get sends the GET at once, so that a missing key is errNotExist here,
// and a missing bucket, which only a GET's error body tells apart, is not.
// The body is streamed to the caller.
func (s *s3Store) get(ctx context.Context, key string) (io.ReadCloser, error) {
	resp, err := s.do(ctx, s3Request{method: http.MethodGet, key: key})
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// put streams content with its known size in one PUT (see maxS3PutBytes).
// Put hands over the upload's spool file (a temporary file on disk, already
// size-checked and hashed), so the content is never buffered whole in
// memory, and can be read again when a request is retried. The payload's
// SHA-256 is signed when key tells it (Store keys are the content's
// SHA-256). S3 makes an object visible only once its upload completes, so a
// failure leaves nothing under key.
func (s *s3Store) put(ctx context.Context, key, contentType string, content io.Reader, size int64) error {
	if size > maxS3PutBytes {
		return fmt.Errorf("s3: object of %d bytes is above the %d bytes of a single PUT", size, int64(maxS3PutBytes))
	}
	resp, err := s.do(ctx, s3Request{
		method:      http.MethodPut,
		key:         key,
		contentType: contentType,
		body:        content,
		size:        size,
		payloadHash: keySum(key),
	})
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, s3ErrorBodyLimit))
	return resp.Body.Close()
}

// close releases the client's idle connections.
func (s *s3Store) close() error {
	s.client.CloseIdleConnections()
	return nil
}
