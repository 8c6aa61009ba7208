package blobstore

import (
	"net/url"
	"strings"
	"testing"
)

func TestParseS3URL(t *testing.T) {
	yes, no := true, false
	cases := []struct {
		name string
		url  string
		env  map[string]string
		want s3Config
	}{
		{"AWS", "s3://b?region=eu-west-1", nil, s3Config{bucket: "b", endpoint: "s3.amazonaws.com", secure: true, region: "eu-west-1"}},
		{"region from AWS_REGION", "s3://b", map[string]string{"AWS_REGION": "eu-central-1", "AWS_DEFAULT_REGION": "us-west-2"}, s3Config{bucket: "b", endpoint: "s3.amazonaws.com", secure: true, region: "eu-central-1"}},
		{"region from AWS_DEFAULT_REGION", "s3://b", map[string]string{"AWS_DEFAULT_REGION": "us-west-2"}, s3Config{bucket: "b", endpoint: "s3.amazonaws.com", secure: true, region: "us-west-2"}},
		{"no region", "s3://b", nil, s3Config{bucket: "b", endpoint: "s3.amazonaws.com", secure: true}},
		{"http endpoint, path style", "s3://b?region=us-east-1&endpoint=http://minio:9000&use_path_style=true", nil, s3Config{bucket: "b", endpoint: "minio:9000", region: "us-east-1", pathStyle: &yes}},
		{"https endpoint", "s3://b?endpoint=https://s3.example.com/", nil, s3Config{bucket: "b", endpoint: "s3.example.com", secure: true}},
		{"bare endpoint", "s3://b?endpoint=s3.example.com:8443", nil, s3Config{bucket: "b", endpoint: "s3.example.com:8443", secure: true}},
		{"disable_https", "s3://b?endpoint=minio:9000&disable_https=true", nil, s3Config{bucket: "b", endpoint: "minio:9000"}},
		{"disable_https false keeps http", "s3://b?endpoint=http://minio:9000&disable_https=false", nil, s3Config{bucket: "b", endpoint: "minio:9000"}},
		{"older path style name", "s3://b?s3ForcePathStyle=false", nil, s3Config{bucket: "b", endpoint: "s3.amazonaws.com", secure: true, pathStyle: &no}},
		{"profile and anonymous", "s3://b?profile=uploads&anonymous=true", nil, s3Config{bucket: "b", endpoint: "s3.amazonaws.com", secure: true, profile: "uploads", anonymous: true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("AWS_REGION", "")
			t.Setenv("AWS_DEFAULT_REGION", "")
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			u, err := url.Parse(tc.url)
			if err != nil {
				t.Fatal(err)
			}
			got, err := parseS3URL(u)
			if err != nil {
				t.Fatalf("parseS3URL(%q): %v", tc.url, err)
			}
			if (got.pathStyle == nil) != (tc.want.pathStyle == nil) || (got.pathStyle != nil && *got.pathStyle != *tc.want.pathStyle) {
				t.Errorf("pathStyle = %v, want %v", got.pathStyle, tc.want.pathStyle)
			}
			got.pathStyle, tc.want.pathStyle = nil, nil
			if got != tc.want {
				t.Errorf("parseS3URL(%q) = %+v, want %+v", tc.url, got, tc.want)
			}
			if err := CheckURL(tc.url); err != nil {
				t.Errorf("CheckURL(%q) = %v", tc.url, err)
			}
		})
	}
}

func TestParseS3URLRefuses(t *testing.T) {
	cases := []struct {
		url     string
		mention string
	}{
		{"s3://", "no bucket"},
		{"s3:///key", "no bucket"},
		{"s3://b/some/path", "has a path"},
		{"s3://b?region=x&colour=blue", `"colour" is not understood`},
		{"s3://b?dualstack=true", `"dualstack" is no longer supported`},
		{"s3://b?ssetype=AES256", "default encryption on the bucket"},
		{"s3://b?use_path_style=maybe", "use_path_style"},
		{"s3://b?disable_https=1x", "disable_https"},
		{"s3://b?anonymous=sure", "anonymous"},
		{"s3://b?endpoint=", "endpoint"},
		{"s3://b?endpoint=ftp://host", "endpoint"},
		{"s3://b?endpoint=http://host/path", "endpoint"},
		{"s3://b?endpoint=host/path", "endpoint"},
	}
	for _, tc := range cases {
		t.Run(tc.url, func(t *testing.T) {
			err := CheckURL(tc.url)
			if err == nil || !strings.Contains(err.Error(), tc.mention) {
				t.Errorf("CheckURL(%q) = %v, want an error saying %s", tc.url, err, tc.mention)
			}
		})
	}
}
