package config

import (
	"strings"
	"testing"
)

func TestUploadsURLIsRead(t *testing.T) {
	for _, v := range []string{
		"",
		"mem://",
		"file:///var/lib/recert/uploads",
		"file:///var/lib/recert/uploads?create_dir=true&no_tmp_dir=true",
		"s3://recert-uploads?region=eu-west-1",
		"s3://recert-uploads?region=us-east-1&endpoint=http://minio:9000&use_path_style=true",
		"s3://recert-uploads?endpoint=minio:9000&disable_https=true&s3ForcePathStyle=true&profile=uploads",
	} {
		cfg, err := FromEnv(env(map[string]string{"UPLOADS_URL": v}))
		if err != nil || cfg.UploadsURL != v {
			t.Errorf("UPLOADS_URL=%q reads %q, %v", v, cfg.UploadsURL, err)
		}
	}
}

func TestBadUploadsURLIsRefusedByName(t *testing.T) {
	for _, tc := range []struct {
		value   string
		mention string
	}{
		{"gs://bucket", `scheme "gs"`},
		{"/var/lib/recert/uploads", "scheme"},
		{"file://uploads", "host"},
		{"s3://", "no bucket"},
		{"s3://recert-uploads?colour=blue", `"colour"`},
		{"s3://recert-uploads?dualstack=true", "no longer supported"},
		{"s3://recert-uploads?use_path_style=maybe", "use_path_style"},
		{"s3://recert-uploads?endpoint=ftp://minio", "endpoint"},
	} {
		_, err := FromEnv(env(map[string]string{"UPLOADS_URL": tc.value}))
		if err == nil || !strings.Contains(err.Error(), "UPLOADS_URL") || !strings.Contains(err.Error(), tc.mention) {
			t.Errorf("UPLOADS_URL=%q: error %v, want one naming UPLOADS_URL and saying %s", tc.value, err, tc.mention)
		}
	}
}
