package blobstore

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
)

// s3Config is what an s3:// URL says about the bucket.
type s3Config struct {
	// bucket is the bucket's name, the URL's host.
	bucket string
	// endpoint is the server's host[:port].
	endpoint string
	// secure says whether to use TLS.
	secure bool
	// region is the bucket's region; empty means asking the server.
	region string
	// pathStyle is true for path-style requests (endpoint/bucket/key),
	// false for virtual-hosted ones (bucket.endpoint/key), and nil for the
	// client's choice (virtual-hosted on AWS, path-style elsewhere).
	pathStyle *bool
	// profile is the shared credentials file's profile; empty means
	// AWS_PROFILE, else "default".
	profile string
	// anonymous sends unsigned requests.
	anonymous bool
}

// defaultS3Endpoint is AWS S3's endpoint; the client picks the regional
// one from the region.
const defaultS3Endpoint = "s3.amazonaws.com"

// s3UnsupportedParams are parameters gocloud.dev's s3blob accepted that
// this store does not, each with what to do instead.
var s3UnsupportedParams = map[string]string{
	"dualstack":                    "use a dual-stack endpoint= instead",
	"fips":                         "use a FIPS endpoint= instead",
	"accelerate":                   "use endpoint=s3-accelerate.amazonaws.com instead",
	"hostname_immutable":           "endpoint= is always used as given",
	"role":                         "use AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE, or a profile",
	"ssetype":                      "set default encryption on the bucket instead",
	"kmskeyid":                     "set default encryption on the bucket instead",
	"rate_limiter_capacity":        "remove it",
	"request_checksum_calculation": "remove it",
	"response_checksum_validation": "remove it",
	"awssdk":                       "remove it",
}

// parseS3URL reads an s3://bucket URL. It accepts the parameters region,
// endpoint (host[:port], or a URL whose http:// scheme means no TLS),
// use_path_style and its older name s3ForcePathStyle, disable_https,
// profile and anonymous. Without region, AWS_REGION or AWS_DEFAULT_REGION
// is used, else the server is asked.
func parseS3URL(u *url.URL) (s3Config, error) {
	cfg := s3Config{bucket: u.Host, endpoint: defaultS3Endpoint, secure: true}
	if cfg.bucket == "" {
		return cfg, errors.New("blobstore: s3 URL names no bucket; use s3://bucket?region=...")
	}
	if u.Path != "" && u.Path != "/" {
		return cfg, fmt.Errorf("blobstore: s3 URL %q has a path; use s3://bucket?region=...", u.Redacted())
	}
	q := u.Query()
	var err error
	for name := range q {
		v := q.Get(name)
		switch name {
		case "region":
			cfg.region = v
		case "endpoint":
			cfg.endpoint, cfg.secure, err = s3Endpoint(v)
		case "use_path_style", "s3ForcePathStyle":
			var b bool
			b, err = strconv.ParseBool(v)
			cfg.pathStyle = &b
		case "disable_https", "profile", "anonymous":
			// Read after the loop: disable_https overrides the endpoint's
			// scheme.
		default:
			if hint, ok := s3UnsupportedParams[name]; ok {
				return cfg, fmt.Errorf("blobstore: s3 URL parameter %q is no longer supported; %s", name, hint)
			}
			return cfg, fmt.Errorf("blobstore: s3 URL parameter %q is not understood", name)
		}
		if err != nil {
			return cfg, fmt.Errorf("blobstore: s3 URL parameter %s=%q: %w", name, v, err)
		}
	}
	if v := q.Get("disable_https"); v != "" {
		off, err := strconv.ParseBool(v)
		if err != nil {
			return cfg, fmt.Errorf("blobstore: s3 URL parameter disable_https=%q: %w", v, err)
		}
		cfg.secure = cfg.secure && !off
	}
	if v := q.Get("anonymous"); v != "" {
		if cfg.anonymous, err = strconv.ParseBool(v); err != nil {
			return cfg, fmt.Errorf("blobstore: s3 URL parameter anonymous=%q: %w", v, err)
		}
	}
	cfg.profile = q.Get("profile")
	if cfg.region == "" {
		cfg.region = firstNonEmpty(os.Getenv("AWS_REGION"), os.Getenv("AWS_DEFAULT_REGION"))
	}
	return cfg, nil
}

// s3Endpoint splits an endpoint parameter into host[:port] and whether to
// use TLS: "http://host:9000" means no TLS, "https://host" or a bare
// "host:9000" means TLS.
func s3Endpoint(v string) (string, bool, error) {
	if !strings.Contains(v, "://") {
		if v == "" || strings.ContainsAny(v, "/?#") {
			return "", false, errors.New("want host[:port] or http(s)://host[:port]")
		}
		return v, true, nil
	}
	e, err := url.Parse(v)
	if err != nil {
		return "", false, err
	}
	if (e.Scheme != "http" && e.Scheme != "https") || e.Host == "" || (e.Path != "" && e.Path != "/") || e.RawQuery != "" {
		return "", false, errors.New("want host[:port] or http(s)://host[:port]")
	}
	return e.Host, e.Scheme == "https", nil
}

// firstNonEmpty returns the first of values that is not empty, or "".
func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
