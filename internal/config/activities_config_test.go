package config

import (
	"strings"
	"testing"
)

func TestActivitiesPerApplicationSetting(t *testing.T) {
	cfg, err := FromEnv(env(nil))
	if err != nil || cfg.MaxActivitiesPerApplication != 100 {
		t.Errorf("default = %d, %v; want 100", cfg.MaxActivitiesPerApplication, err)
	}
	cfg, err = FromEnv(env(map[string]string{"MAX_ACTIVITIES_PER_APPLICATION": "25"}))
	if err != nil || cfg.MaxActivitiesPerApplication != 25 {
		t.Errorf("MAX_ACTIVITIES_PER_APPLICATION=25 reads %d, %v", cfg.MaxActivitiesPerApplication, err)
	}
	for _, v := range []string{"0", "-1", "10001", "many", "2.5"} {
		_, err := FromEnv(env(map[string]string{"MAX_ACTIVITIES_PER_APPLICATION": v}))
		if err == nil || !strings.Contains(err.Error(), "MAX_ACTIVITIES_PER_APPLICATION") || !strings.Contains(err.Error(), "1 to 10000") {
			t.Errorf("MAX_ACTIVITIES_PER_APPLICATION=%q: %v", v, err)
		}
	}
}
