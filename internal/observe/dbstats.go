package observe

import (
	"database/sql"
	"io"

	"github.com/VictoriaMetrics/metrics"
)

// poolStat is one figure of the database pool, named as client_golang's
// DBStatsCollector named it (go_sql_*), so that dashboards keep working.
type poolStat struct{ name, typ, help string }

// poolStats are the figures of sql.DBStats the metrics expose, in the
// order poolValues gives them.
var poolStats = []poolStat{
	{"go_sql_max_open_connections", "gauge", "Maximum number of open connections to the database."},
	{"go_sql_open_connections", "gauge", "The number of established connections both in use and idle."},
	{"go_sql_in_use_connections", "gauge", "The number of connections currently in use."},
	{"go_sql_idle_connections", "gauge", "The number of idle connections."},
	{"go_sql_wait_count_total", "counter", "The total number of connections waited for."},
	{"go_sql_wait_duration_seconds_total", "counter", "The total time blocked waiting for a new connection."},
	{"go_sql_max_idle_closed_total", "counter", "The total number of connections closed due to SetMaxIdleConns."},
	{"go_sql_max_idle_time_closed_total", "counter", "The total number of connections closed due to SetConnMaxIdleTime."},
	{"go_sql_max_lifetime_closed_total", "counter", "The total number of connections closed due to SetConnMaxLifetime."},
}

// poolValues are the figures of s, in the order of poolStats.
func poolValues(s sql.DBStats) []float64 {
	return []float64{
		float64(s.MaxOpenConnections), float64(s.OpenConnections), float64(s.InUse), float64(s.Idle),
		float64(s.WaitCount), s.WaitDuration.Seconds(),
		float64(s.MaxIdleClosed), float64(s.MaxIdleTimeClosed), float64(s.MaxLifetimeClosed),
	}
}

// databasePool registers the database pool's figures, read from db once
// per scrape, with the label db_name="recert".
func (m *Metrics) databasePool(db *sql.DB) {
	for _, p := range poolStats {
		m.help.describe(p.name, p.help)
	}
	m.set.RegisterMetricsWriter(func(w io.Writer) {
		for i, v := range poolValues(db.Stats()) {
			name := series(poolStats[i].name, "db_name", "recert")
			if poolStats[i].typ == "counter" {
				metrics.WriteCounterFloat64(w, name, v)
			} else {
				metrics.WriteGaugeFloat64(w, name, v)
			}
		}
	})
}
