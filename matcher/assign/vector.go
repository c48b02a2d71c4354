package assign

// vectorLevel names the widest vector kernel of the dense row scan that
// runs: the choice is made at start-up from what the processor reports, so
// that one binary is fast on every machine.
type vectorLevel int

const (
	vecNone   vectorLevel = iota // the Go loops
	vecAVX2                      // four float64 columns per instruction
	vecAVX512                    // eight, with mask registers
)

func (l vectorLevel) String() string {
	switch l {
	case vecAVX2:
		return "AVX2"
	case vecAVX512:
		return "AVX-512"
	}
	return "scalar"
}
