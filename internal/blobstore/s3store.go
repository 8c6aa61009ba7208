package blobstore

import (
	"context"
	"fmt"
	"io"
	"net/url"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// s3Store keeps objects in a bucket of an S3-compatible store (s3://), with
// minio-go.
type s3Store struct {
	client *minio.Client
	bucket string
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
	lookup := minio.BucketLookupAuto
	if cfg.pathStyle != nil {
		lookup = minio.BucketLookupDNS
		if *cfg.pathStyle {
			lookup = minio.BucketLookupPath
		}
	}
	client, err := minio.New(cfg.endpoint, &minio.Options{
		Creds:        creds,
		Secure:       cfg.secure,
		Region:       cfg.region,
		BucketLookup: lookup,
	})
	if err != nil {
		return nil, fmt.Errorf("s3 client: %w", err)
	}
	return &s3Store{client: client, bucket: cfg.bucket}, nil
}

func (s *s3Store) stat(ctx context.Context, key string) (objectInfo, error) {
	info, err := s.client.StatObject(ctx, s.bucket, key, minio.StatObjectOptions{})
	if err != nil {
		return objectInfo{}, s3Error(err)
	}
	return objectInfo{size: info.Size, contentType: info.ContentType}, nil
}

// get sends the GET at once (minio-go's Client.GetObject would wait for
// the first Read), so that a missing key is errNotExist here, and a missing
// bucket, which only a GET's error body tells apart, is not.
func (s *s3Store) get(ctx context.Context, key string) (io.ReadCloser, error) {
	body, _, _, err := minio.Core{Client: s.client}.GetObject(ctx, s.bucket, key, minio.GetObjectOptions{})
	if err != nil {
		return nil, s3Error(err)
	}
	return body, nil
}

// put streams content with its known size. Put hands over the upload's
// spool file (a temporary file on disk, already size-checked), which
// minio-go reads in place through io.ReaderAt: one PUT up to 16 MiB, and a
// multipart upload of sections of the file above, so the content is never
// buffered whole in memory. S3 makes an object visible only once its upload completes, and
// minio-go aborts a failed multipart upload, so a failure leaves nothing
// under key.
func (s *s3Store) put(ctx context.Context, key, contentType string, content io.Reader, size int64) error {
	_, err := s.client.PutObject(ctx, s.bucket, key, content, size, minio.PutObjectOptions{ContentType: contentType})
	return err
}

// close has nothing to release: the client's idle connections close on
// their own.
func (s *s3Store) close() error { return nil }

// s3Error maps the server's "no such key" to errNotExist, keeping the
// server's error.
func s3Error(err error) error {
	if minio.ToErrorResponse(err).Code == minio.NoSuchKey {
		return fmt.Errorf("%w: %w", errNotExist, err)
	}
	return err
}
