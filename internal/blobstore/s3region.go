package blobstore

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// bucketRegion returns the bucket's region: the URL's, else the one the
// server reports, asked once.
func (s *s3Store) bucketRegion(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.region != "" {
		return s.region, nil
	}
	region, err := s.askRegion(ctx)
	if err != nil {
		return "", err
	}
	s.region = region
	return region, nil
}

// askRegion asks the endpoint for the bucket's location, as minio-go did:
// a GET ?location signed for us-east-1, read as that region when the
// server does not implement it, and as the region an error names when the
// server refuses it.
func (s *s3Store) askRegion(ctx context.Context) (string, error) {
	const defaultRegion = "us-east-1"
	r := s3Request{method: http.MethodGet, query: "location"}
	resp, err := s.roundTrip(ctx, s.address(s.endpoint, r), defaultRegion, r)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		e := readS3Error(r, resp)
		switch e.Code {
		case "NotImplemented":
			return defaultRegion, nil
		case "AuthorizationHeaderMalformed", "InvalidRegion", "AccessDenied":
			return firstNonEmpty(e.Region, defaultRegion), nil
		}
		return "", fmt.Errorf("s3: the bucket's region: %w", e)
	}
	defer resp.Body.Close()
	var location string
	if err := xml.NewDecoder(io.LimitReader(resp.Body, s3ErrorBodyLimit)).Decode(&location); err != nil {
		return "", fmt.Errorf("s3: read the bucket's region: %w", err)
	}
	switch location = strings.TrimSpace(location); location {
	case "":
		return defaultRegion, nil
	case "EU":
		return "eu-west-1", nil
	}
	return location, nil
}

// awsEndpoint returns AWS S3's dual-stack endpoint for region, which
// minio-go used in place of s3.amazonaws.com.
func awsEndpoint(region string) string {
	host := "s3.dualstack." + region + ".amazonaws.com"
	if strings.HasPrefix(region, "cn-") {
		host += ".cn"
	}
	return host
}
