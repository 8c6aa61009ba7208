package blobstore

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/minio/minio-go/v7/pkg/signer"
)

// Values of the X-Amz-Content-Sha256 header besides a payload's SHA-256.
const (
	// emptySHA256 is the SHA-256 of no bytes, the payload of HEAD and GET.
	emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	// unsignedPayload leaves the payload out of the signature; only sent
	// over TLS, which protects the payload instead.
	unsignedPayload = "UNSIGNED-PAYLOAD"
)

// s3Attempts is how many times a request that failed on the way, or with
// a status saying the server is busy or broken, is sent in all; the waits
// between attempts start at s3RetryUnit and double.
const (
	s3Attempts  = 3
	s3RetryUnit = 200 * time.Millisecond
)

// s3Request is one request about one object, or about the bucket when key
// is "".
type s3Request struct {
	method string
	key    string
	// query is the raw query, such as "location".
	query       string
	contentType string
	// body is the payload of size bytes, nil for none.
	body io.Reader
	size int64
	// payloadHash is the payload's hex SHA-256, "" when not known.
	payloadHash string
}

// do sends r to the object's address in the bucket's region, and returns
// the response when its status is 2xx. Otherwise the error holds the
// server's error code and message, and wraps errNotExist for a missing key.
func (s *s3Store) do(ctx context.Context, r s3Request) (*http.Response, error) {
	region, err := s.bucketRegion(ctx)
	if err != nil {
		return nil, err
	}
	host := s.endpoint
	if s.regional {
		host = awsEndpoint(region)
	}
	resp, err := s.roundTrip(ctx, s.address(host, r), region, r)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 == 2 {
		return resp, nil
	}
	e := readS3Error(r, resp)
	if e.Code == codeNoSuchKey {
		return nil, fmt.Errorf("%w: %w", errNotExist, e)
	}
	return nil, e
}

// address returns the URL of r on host, naming the bucket in the host or
// in the path.
func (s *s3Store) address(host string, r s3Request) *url.URL {
	// Leave out the scheme's default port, as clients do, so that the Host
	// header signed is the one sent.
	if h, p, err := net.SplitHostPort(host); err == nil && (s.scheme == "http" && p == "80" || s.scheme == "https" && p == "443") {
		host = h
		if ip := net.ParseIP(h); ip != nil && ip.To4() == nil {
			host = "[" + h + "]"
		}
	}
	u := &url.URL{Scheme: s.scheme, Host: host, Path: "/" + s.bucket + "/" + r.key, RawQuery: r.query}
	if s.virtualHost {
		u.Host, u.Path = s.bucket+"."+host, "/"+r.key
	}
	return u
}

// roundTrip sends r to u, signed for region, again while it fails on the
// way or with a status worth retrying, as long as its body can be read
// again.
func (s *s3Store) roundTrip(ctx context.Context, u *url.URL, region string, r s3Request) (*http.Response, error) {
	seeker, rewindable := r.body.(io.Seeker)
	var start int64
	if rewindable {
		var err error
		start, err = seeker.Seek(0, io.SeekCurrent)
		rewindable = err == nil
	}
	for attempt := 1; ; attempt++ {
		resp, err := s.send(ctx, u, region, r)
		if attempt == s3Attempts || (r.body != nil && !rewindable) || !retryable(ctx, resp, err) {
			return resp, err
		}
		if resp != nil {
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, s3ErrorBodyLimit))
			_ = resp.Body.Close()
		}
		wait := time.NewTimer(s3RetryUnit << (attempt - 1))
		select {
		case <-ctx.Done():
			wait.Stop()
			return nil, fmt.Errorf("s3: %s %s: %w", r.method, u.Redacted(), ctx.Err())
		case <-wait.C:
		}
		if rewindable {
			if _, err := seeker.Seek(start, io.SeekStart); err != nil {
				return nil, fmt.Errorf("s3: rewind the payload: %w", err)
			}
		}
	}
}

// retryable reports whether a request that got resp and err is worth
// sending again: it failed on the way (but not for a certificate it could
// not verify) while ctx is still live, or the server answered that it is
// busy, timed out or failed.
func retryable(ctx context.Context, resp *http.Response, err error) bool {
	if err != nil {
		var (
			onTheWay *url.Error
			badCert  *tls.CertificateVerificationError
		)
		return errors.As(err, &onTheWay) && !errors.As(err, &badCert) && ctx.Err() == nil
	}
	switch resp.StatusCode {
	case http.StatusRequestTimeout, http.StatusTooManyRequests, http.StatusInternalServerError,
		http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// send sends r to u once, signed for region with the chain's credentials,
// or unsigned when the chain has none.
func (s *s3Store) send(ctx context.Context, u *url.URL, region string, r s3Request) (*http.Response, error) {
	var body io.Reader
	if r.body != nil && r.size > 0 {
		// The client closes a request's body; the caller owns this one.
		body = io.NopCloser(r.body)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, u.String(), body)
	if err != nil {
		return nil, fmt.Errorf("s3: %w", err)
	}
	if body != nil {
		req.ContentLength = r.size
	}
	if r.contentType != "" {
		req.Header.Set("Content-Type", r.contentType)
	}
	creds, err := s.creds.GetWithContext(&credentials.CredContext{Client: s.client})
	if err != nil {
		return nil, fmt.Errorf("s3 credentials: %w", err)
	}
	if !creds.SignerType.IsAnonymous() {
		hash := r.payloadHash
		switch {
		case body == nil:
			hash = emptySHA256
		case hash != "":
		case s.scheme == "https":
			hash = unsignedPayload
		default:
			return nil, errors.New("s3: without TLS the payload's SHA-256 must be signed, and it is not known")
		}
		req.Header.Set("X-Amz-Content-Sha256", hash)
		req = signer.SignV4(*req, creds.AccessKeyID, creds.SecretAccessKey, creds.SessionToken, region)
	}
	return s.client.Do(req)
}
