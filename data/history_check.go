package data

import (
	"fmt"

	"github.com/stretchmatch/stretchmatch/model"
)

// checkHistoryPairs reports the contradictions of history.csv, each at its
// row: a pair listed both active and ended, and a pair listed twice with
// the same status and start (two ended stints with different since dates
// are two facts, not a contradiction).
func checkHistoryPairs(fh *fileState, history []model.HistoryPair) {
	type pair struct{ mentee, mentor string }
	first := make(map[pair]int, len(history)) // index of the first row of each pair
	for i := range history {
		h := &history[i]
		if h.MenteeID == "" || h.MentorID == "" {
			continue
		}
		p := pair{h.MenteeID, h.MentorID}
		j, ok := first[p]
		if !ok {
			first[p] = i
			continue
		}
		f := &history[j]
		who := fmt.Sprintf("mentee %s and mentor %s", quoteCell(h.MenteeID), quoteCell(h.MentorID))
		switch a, b := statusOf(f), statusOf(h); {
		case a != b:
			fh.addAt(h.Line, kHistoryStatus(fh), fmt.Sprintf("the pair of %s is %s here but %s on line %d", who, b, a, f.Line),
				"keep one row per pair, with its current status")
		case a == model.PairEnded && f.Since != h.Since:
			// two stints
		default:
			fh.addAt(h.Line, kHistoryMentee, fmt.Sprintf("the pair of %s is listed twice: first on line %d", who, f.Line),
				"remove the repeated row")
		}
	}
}

// statusOf is the status of a history row, empty read as active.
func statusOf(h *model.HistoryPair) model.PairStatus {
	if h.Status == "" {
		return model.PairActive
	}
	return h.Status
}

// kHistoryStatus is the column to report a status contradiction at: the
// status column when the file has one, else the mentee.
func kHistoryStatus(fh *fileState) int {
	k := colIndex(FileHistory, "status")
	if fh.h.has(k) {
		return k
	}
	return kHistoryMentee
}
