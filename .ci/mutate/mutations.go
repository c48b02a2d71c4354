package main

// mutation is one deliberate bug: every occurrence of from in file becomes
// to. pkgs are the packages whose tests should catch it, the likeliest
// first.
type mutation struct {
	name, file, from, to string
	pkgs                 []string
}

var (
	cmdFirst     = []string{"./cmd/stretchmatch", "./matcher", "./reports"}
	matcherFirst = []string{"./matcher", "./cmd/stretchmatch", "./reports"}
	dataFirst    = []string{"./data", "./cmd/stretchmatch", "./reports"}
	codevFirst   = []string{"./matcher/codev", "./cmd/stretchmatch", "./reports"}
	solverFirst  = []string{"./matcher/assign", "./matcher", "./cmd/stretchmatch"}
)

var mutations = []mutation{
	// The survivors of the audit that asked for these tests.
	{"redact: match ignores --redact", "cmd/stretchmatch/match.go",
		"names := reports.Namer{Redact: opts.Redact}", "names := reports.Namer{Redact: false}", cmdFirst},
	{"redact: score ignores --redact", "cmd/stretchmatch/score.go",
		"names := reports.Namer{Redact: opts.Redact}", "names := reports.Namer{Redact: false}", cmdFirst},
	{"redact: demo ignores --redact", "cmd/stretchmatch/demo.go",
		"names := reports.Namer{Redact: opts.Redact}", "names := reports.Namer{Redact: false}", cmdFirst},
	{"redact: plan ignores --redact", "cmd/stretchmatch/plan.go",
		"names := reports.Namer{Redact: opts.Redact}", "names := reports.Namer{Redact: false}", cmdFirst},
	{"redact: report ignores --redact", "cmd/stretchmatch/report.go",
		"c.committeePack(lang, reports.Namer{Redact: opts.Redact})", "c.committeePack(lang, reports.Namer{Redact: false})", cmdFirst},
	{"redact: run ignores --redact", "cmd/stretchmatch/run.go",
		"renderRun(c, lang, reports.Namer{Redact: opts.Redact}, opts.Excel)", "renderRun(c, lang, reports.Namer{Redact: false}, opts.Excel)", cmdFirst},
	{"certificate: restricted solve ignores violations under 0.5 fit points", "matcher/matchsolve.go",
		"case slack < 0:", "case slack < -50:", matcherFirst},
	{"certificate: Verify ignores violations under 0.5", "matcher/assign/verify.go",
		"if slack < -tol {", "if slack < -tol-50 {", solverFirst},
	{"value: falling side of v(C)", "matcher/score.go",
		"return (100 - c) / (100 - p)", "return (100 - c) / (100 - p + 5)", cmdFirst},
	{"losses: next-best tie broken the other way", "matcher/match.go",
		"if bestK < 0 || row.keys[k] > row.keys[bestK] {", "if bestK < 0 || row.keys[k] >= row.keys[bestK] {", cmdFirst},
	{"docs: a number of docs/scoring.md", "docs/scoring.md",
		"| pressure | 0.75 | rated | r = 3 | 0.50 | 0.375 | 2.9 |", "| pressure | 0.75 | rated | r = 3 | 0.50 | 0.375 | 3.0 |", cmdFirst},
	{"docs: a number of the README's worked example", "README.md",
		"development value is v = 60.26 / 67.5 = **0.893**", "development value is v = 60.26 / 67.5 = **0.894**", cmdFirst},

	// Scoring.
	{"scoring: failure_visible proxy also for new roles", "matcher/score.go",
		"model.FailureVisible:            {pos.Critical, cfg.Proxies.FailureVisibleCritical},",
		"model.FailureVisible:            {pos.Critical || pos.NewRole, cfg.Proxies.FailureVisibleCritical},", cmdFirst},
	{"scoring: stakes_shift of a one-grade step", "matcher/score.go",
		"case d == 1:\n\t\t\tstakes = 0.5", "case d == 1:\n\t\t\tstakes = 0.75", cmdFirst},
	{"scoring: new_team growth over two grades of headcount", "matcher/score.go",
		"growth := clip(math.Log2((ht+1)/(hc+1))/3, 0, 1)", "growth := clip(math.Log2((ht+1)/(hc+1))/2, 0, 1)", cmdFirst},
	{"scoring: support from learning orientation over 5", "matcher/score.go",
		"sup = append(sup, (p.LearningOrientation.V-1)/4)", "sup = append(sup, (p.LearningOrientation.V-1)/5)", cmdFirst},
	{"scoring: many_changes counts a team change instead of a grade jump", "matcher/score.go",
		"f[model.StaffToLine] || f[model.LineToStaff], f[model.GradeJump]} {", "f[model.StaffToLine] || f[model.LineToStaff], f[model.ChangeTeam]} {", cmdFirst},
	{"scoring: comfort band includes C = 25", "matcher/score.go",
		"case s.Challenge < cfg.Bands.ComfortBelow-eps:", "case s.Challenge < cfg.Bands.ComfortBelow+eps:", cmdFirst},
	{"scoring: ties of the top contributions in reverse catalog order", "matcher/score.go",
		"for at > 0 && dst[at-1].Points < p {", "for at > 0 && dst[at-1].Points <= p {", cmdFirst},

	// Rules.
	{"rules: mentee_in_line never fires", "matcher/match.go",
		"case slices.Contains(m.chain, ep.ID):", "case slices.Contains(m.chain, mp.ID):", cmdFirst},
	{"rules: future line leaves out the position's manager", "matcher/match.go",
		"e.future = append([]string{mgr}, mx.chain(mgr)...)", "e.future = mx.chain(mgr)", cmdFirst},
	{"rules: same team compares teams with divisions", "matcher/match.go",
		"case e.needs.keys.team != \"\" && e.needs.keys.team == m.side.keys.team:", "case e.needs.keys.team != \"\" && e.needs.keys.team == m.side.keys.division:", cmdFirst},
	{"rules: a mentor with one language never lacks a shared one", "matcher/match.go",
		"case len(e.langs) > 0 && len(m.langs) > 0 && !shareAny(e.langs, m.langs):", "case len(e.langs) > 0 && len(m.langs) > 1 && !shareAny(e.langs, m.langs):", cmdFirst},
	{"rules: low_fit five points below min_fit", "matcher/match.go",
		"if f.Total < mx.cfg.Match.MinFit-eps {", "if f.Total < mx.cfg.Match.MinFit-5 {", cmdFirst},

	// Fit.
	{"fit: same grade gives 0.5", "matcher/fit.go",
		"case g == 0:\n\t\t\tf.C[FitSeniority] = 0.3", "case g == 0:\n\t\t\tf.C[FitSeniority] = 0.5", cmdFirst},
	{"fit: same continent gives 0.4", "matcher/fit.go",
		"f.C[FitLocation] = 0.5", "f.C[FitLocation] = 0.4", cmdFirst},
	{"fit: preference rank off by one", "matcher/fit.go",
		"f.C[FitPreference] = 1 - float64(r-1)/float64(e.ranked)", "f.C[FitPreference] = 1 - float64(r)/float64(e.ranked)", cmdFirst},
	{"fit: needs take criteria strictly above need_min_x", "matcher/fit.go",
		"if planned.X[i] >= cfg.Match.NeedMinX-eps {", "if planned.X[i] > cfg.Match.NeedMinX+eps {", cmdFirst},

	// Tiers.
	{"tiers: tier 2 from C above 46", "matcher/match.go",
		"planned.Score.Challenge >= mx.cfg.Match.Tier2Min-eps:", "planned.Score.Challenge >= mx.cfg.Match.Tier2Min+1:", cmdFirst},
	{"tiers: overstretch gives tier 2", "matcher/match.go",
		"\t\t\te.Tier = 3\n", "\t\t\te.Tier = 2\n", matcherFirst},

	// Plan and its reasons.
	{"plan reasons: a full position reported as no value", "matcher/plan.go",
		"full := len(filledBy[j]) >= pr.capacity[j]", "full := len(filledBy[j]) > pr.capacity[j]", cmdFirst},
	{"plan reasons: duplicate keeps the later row on a tie", "matcher/plan.go",
		"e.Value > kept.Value && !(kept.Decision", "e.Value >= kept.Value && !(kept.Decision", matcherFirst},
	{"plan: one opening per position", "matcher/plan.go",
		"capacity[j] = max(positions[j].Openings, 1)", "capacity[j] = 1", cmdFirst},

	// Losses.
	{"losses: the displacement chain left out of the loss", "matcher/loss.go",
		"out[i] = g.u[f.row] + g.v[f.col] - f.val + s.answer[g.at[f.row]]", "out[i] = g.u[f.row] + g.v[f.col] - f.val", cmdFirst},
	{"losses: next-best fit of the chosen mentor", "matcher/match.go",
		"_, pair.NextBestFit = mx.check(e, nb)", "_, pair.NextBestFit = mx.check(e, mt)", cmdFirst},

	// Redaction inside the layers.
	{"redact: pairs table shows the mentor's name", "reports/match.go",
		"p.Mentor.Person.ID, names.Name(p.Mentor.Person),", "p.Mentor.Person.ID, p.Mentor.Person.Name,", cmdFirst},
	{"redact: problems returned after the load keep their names", "cmd/stretchmatch/redact_stderr.go",
		"return ps.Redact(r)", "return ps", cmdFirst},

	// CSV neutralising.
	{"csv: a cell beginning with @ is not neutralised", "data/write.go",
		"case '=', '@', '\\t', '\\r':", "case '=', '\\t', '\\r':", dataFirst},
	{"csv: a cell beginning with - is not neutralised", "data/write.go",
		"case '+', '-':\n\t\tif isPlainNumber(s) {", "case '+':\n\t\tif isPlainNumber(s) {", dataFirst},

	// Atomic writes.
	{"atomic: the temporary file is left after an error", "data/write.go",
		"\tt.f.Close()\n\tos.Remove(t.name)\n", "\tt.f.Close()\n", dataFirst},
	{"atomic: an input file may be overwritten", "data/write.go",
		"if identify(in).same(canonicalPath(t.path), t.info) {", "if identify(in).same(canonicalPath(t.path), t.info) && in == \"\" {", dataFirst},
	{"atomic: the output replaces the file before it is complete", "data/write.go",
		"\tif err := write(&buf); err != nil {\n\t\treturn err\n\t}\n\tvar limit",
		"\tif err := write(&buf); err != nil {\n\t\twriteSync(tmp.f, buf.Bytes(), 0)\n\t\ttmp.commit(t.path)\n\t\tcommitted = true\n\t\treturn err\n\t}\n\tvar limit", dataFirst},

	// Staged writes of several files.
	{"staged: an input file may be overwritten by --out", "data/stage.go",
		"if in.same(cp, st) {", "if false && in.same(cp, st) {", dataFirst},

	// The committee's decisions.
	{"decisions: a move's price has the wrong sign", "matcher/price.go",
		"return valueDiff(p.Total, pl.Total), nil", "return valueDiff(pl.Total, p.Total), nil", matcherFirst},
	{"decisions: a forbidden move can still be chosen", "matcher/plan.go",
		"case e.Decision != nil && !req:\n\t\t\te.Why = Forbidden\n\t\t\tcontinue\n", "case e.Decision != nil && !req:\n\t\t\te.Why = Forbidden\n", matcherFirst},
	{"decisions: a required pair lifts the line-of-managers rule", "matcher/decide.go",
		"if rule == RuleLowFit {", "if rule == RuleLowFit || rule == RuleMentorInLine {", matcherFirst},

	// Codevelopment groups and the follow-up.
	{"codev: two members of one team may share a group", "matcher/codev/problem.go",
		"case a.team >= 0 && a.team == b.team:", "case a.team >= 0 && a.team == b.team && false:", codevFirst},
	{"codev: people meeting in person in different countries may share a group", "matcher/codev/problem.go",
		"a.country >= 0 && b.country >= 0 && a.country != b.country:", "a.country >= 0 && b.country >= 0 && a.country == b.country && false:", codevFirst},
	{"redact: groups ignores --redact", "cmd/stretchmatch/groups.go",
		"names := reports.Namer{Redact: opts.Redact}", "names := reports.Namer{Redact: false}", cmdFirst},
	{"redact: followup ignores --redact", "cmd/stretchmatch/followup.go",
		"names := reports.Namer{Redact: opts.Redact}", "names := reports.Namer{Redact: false}", cmdFirst},
	{"redact: groups names people in its load problems", "cmd/stretchmatch/groups.go",
		"\topts.Input.Redact = opts.Redact\n", "", cmdFirst},
}
