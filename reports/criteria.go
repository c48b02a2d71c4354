package reports

import "github.com/stretchmatch/stretchmatch/model"

// CriteriaTable lists the criteria catalog with the weights of cfg.
func CriteriaTable(cfg *model.Config, lang Lang) *Table {
	t := &Table{
		Name:  "criteria",
		Title: T(lang, "t_criteria"),
		Columns: []Column{
			{Key: "id", Label: T(lang, "id")},
			{Key: "list", Label: T(lang, "list")},
			{Key: "label_en", Label: T(lang, "label_en")},
			{Key: "label_fr", Label: T(lang, "label_fr")},
			{Key: "source", Label: T(lang, "source")},
			{Key: "proxy", Label: T(lang, "proxy")},
			{Key: "weight", Label: T(lang, "weight"), Kind: Number},
		},
	}
	for i, c := range model.Catalog {
		how := c.How(string(lang))
		if c.Obstacle {
			how = T(lang, "obstacle")
		}
		t.Add(c.ID, string(c.List), c.LabelEN, c.LabelFR, T(lang, string(c.Source)), how, Num(cfg.Weight(i), 2))
	}
	return t
}
