package config

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestScaleSettingsAreRead(t *testing.T) {
	cfg, err := FromEnv(env(map[string]string{
		"DATABASE_URL": "postgres://app@db:5432/recert", "REDIS_URL": "redis://127.0.0.1:6379/3", "REDIS_TIMEOUT": "50ms",
		"DATABASE_REPLICA_URLS": "postgres://app@r1:5432/recert, postgres://app@r2:5432/recert", "REPLICA_STICKINESS": "2s", "INSTANCE_NAME": "p1",
		"SHUTDOWN_DRAIN": "4s",
	}))
	if err != nil {
		t.Fatal(err)
	}
	s := cfg.Scale
	if s.RedisURL != "redis://127.0.0.1:6379/3" || s.RedisTimeout != 50*time.Millisecond || s.ReplicaStickiness != 2*time.Second || s.InstanceName != "p1" ||
		!slices.Equal(s.ReplicaURLs, []string{"postgres://app@r1:5432/recert", "postgres://app@r2:5432/recert"}) {
		t.Errorf("scale settings = %+v", s)
	}
	if cfg.ShutdownDrain != 4*time.Second {
		t.Errorf("SHUTDOWN_DRAIN=4s read as %s", cfg.ShutdownDrain)
	}
	if cfg, _ := FromEnv(env(nil)); cfg.ShutdownDrain != 0 {
		t.Errorf("without SHUTDOWN_DRAIN the drain is %s, want none", cfg.ShutdownDrain)
	}
}

func TestBadScaleSettingsAreRefusedByName(t *testing.T) {
	for _, tc := range []struct {
		vars    map[string]string
		mention string
	}{
		{map[string]string{"REDIS_URL": "127.0.0.1:6379"}, "REDIS_URL"},
		{map[string]string{"REDIS_URL": "http://cache/0"}, "REDIS_URL"},
		{map[string]string{"REDIS_TIMEOUT": "0s"}, "REDIS_TIMEOUT"},
		{map[string]string{"REPLICA_STICKINESS": "soon"}, "REPLICA_STICKINESS"},
		{map[string]string{"REPLICA_STICKINESS": "2h"}, "REPLICA_STICKINESS"},
		{map[string]string{"DATABASE_URL": "postgres://db/x", "DATABASE_REPLICA_URLS": "mysql://r1/x"}, "DATABASE_REPLICA_URLS"},
		{map[string]string{"DATABASE_REPLICA_URLS": "postgres://r1/x"}, "DATABASE_URL"},
		{map[string]string{"SHUTDOWN_DRAIN": "-1s"}, "SHUTDOWN_DRAIN"},
		{map[string]string{"SHUTDOWN_DRAIN": "2m"}, "SHUTDOWN_DRAIN"},
	} {
		_, err := FromEnv(env(tc.vars))
		if err == nil || !strings.Contains(err.Error(), tc.mention) {
			t.Errorf("%v: error %v, want one naming %s", tc.vars, err, tc.mention)
		}
	}
}
