package synthetic

import (
	"math/rand/v2"

	"github.com/stretchmatch/stretchmatch/model"
)

// codevStream is the second word of the PCG state of the volunteers, so
// that they never change the organisation drawn from the same seed.
const codevStream = 0x3c0d_e7a1_9b52_44f0

// Codev draws the codevelopment volunteers of a generated organisation:
// one person in ten (at least one when there are people), in the order of
// people.csv; a quarter of them meet in person, and one in twenty avoids
// another volunteer. The same dataset and seed give the same volunteers.
func Codev(ds *model.Dataset, seed uint64) *model.Codev {
	r := rand.New(rand.NewPCG(seed, codevStream))
	n := len(ds.People)
	want := n / 10
	if want == 0 && n > 0 {
		want = 1
	}
	// Choose want people out of n, each subset equally likely (selection
	// sampling), keeping the order of the file.
	cv := &model.Codev{}
	for i := 0; i < n && len(cv.Volunteers) < want; i++ {
		if r.IntN(n-i) < want-len(cv.Volunteers) {
			v := model.CodevVolunteer{PersonID: ds.People[i].ID, Mode: model.CodevRemote}
			if r.IntN(4) == 0 {
				v.Mode = model.CodevInPerson
			}
			cv.Volunteers = append(cv.Volunteers, v)
		}
	}
	for i := range cv.Volunteers {
		if len(cv.Volunteers) > 1 && r.IntN(20) == 0 {
			j := r.IntN(len(cv.Volunteers) - 1)
			if j >= i {
				j++
			}
			cv.Volunteers[i].Avoid = []string{cv.Volunteers[j].PersonID}
		}
	}
	return cv
}
