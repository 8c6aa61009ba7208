package gormstore

import (
	"time"

	"gorm.io/gorm"

	"github.com/mssc/recert/catalog"
)

// synonymRow is a search synonym as stored.
type synonymRow struct {
	ID        int64 `gorm:"primaryKey"`
	Key       string
	Phrase    string
	Meaning   string
	Removed   bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (synonymRow) TableName() string { return "search_synonyms" }

func toSynonym(r synonymRow) catalog.Synonym {
	return catalog.Synonym{ID: r.ID, Key: r.Key, Phrase: r.Phrase, Meaning: r.Meaning, Removed: r.Removed}
}

// loadSynonyms reads every synonym, removed ones included, inside the
// catalog's read transaction.
func loadSynonyms(tx *gorm.DB, data *catalog.Data) error {
	var rows []synonymRow
	if err := tx.Order("id").Find(&rows).Error; err != nil {
		return err
	}
	data.Synonyms = convertAll(rows, toSynonym)
	return nil
}

// seedSynonyms inserts the seed's synonyms whose key was never stored.
// A stored synonym belongs to staff, who may have edited or removed it,
// so the seed leaves it as it is.
func seedSynonyms(tx *gorm.DB, synonyms []catalog.Synonym, rep *catalog.SeedReport) error {
	var keys []string
	if err := tx.Model(&synonymRow{}).Pluck("key", &keys).Error; err != nil {
		return err
	}
	stored := make(map[string]bool, len(keys))
	for _, k := range keys {
		stored[k] = true
	}
	now := time.Now().UTC()
	for _, s := range synonyms {
		if stored[s.Key] {
			rep.Unchanged++
			continue
		}
		row := synonymRow{Key: s.Key, Phrase: s.Phrase, Meaning: s.Meaning, CreatedAt: now, UpdatedAt: now}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		rep.Inserted++
	}
	return nil
}

// writeSynonym creates the synonym (ID 0) or saves it, and returns its ID.
func writeSynonym(tx *gorm.DB, s *catalog.Synonym, at time.Time) (int64, error) {
	if s.ID == 0 {
		row := synonymRow{Key: s.Key, Phrase: s.Phrase, Meaning: s.Meaning, Removed: s.Removed, CreatedAt: at, UpdatedAt: at}
		if err := tx.Create(&row).Error; err != nil {
			return 0, err
		}
		s.ID = row.ID
		return s.ID, nil
	}
	err := tx.Model(&synonymRow{}).Where("id = ?", s.ID).
		Updates(map[string]any{"phrase": s.Phrase, "meaning": s.Meaning, "removed": s.Removed, "updated_at": at}).Error
	return s.ID, err
}
