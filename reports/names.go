package reports

import (
	"crypto/sha256"
	"encoding/binary"

	"github.com/stretchmatch/stretchmatch/model"
)

// Namer gives the name to show for a person: their real name, or with
// redaction a stable pseudonym derived from their id.
type Namer struct {
	Redact bool
}

// Name returns the name to show for p.
func (n Namer) Name(p *model.Person) string {
	if p == nil {
		return ""
	}
	if n.Redact {
		return Pseudonym(p.ID)
	}
	return p.Name
}

var pseudoAdjectives = [...]string{"Amber", "Azure", "Cedar", "Coral", "Dune", "Ember", "Fern", "Flint",
	"Frost", "Harbor", "Hazel", "Indigo", "Ivory", "Jade", "Juniper", "Linen", "Maple", "Moss", "Ochre",
	"Olive", "Onyx", "Pearl", "Pine", "Quartz", "Rowan", "Russet", "Sage", "Slate", "Sorrel", "Teal",
	"Umber", "Willow"}

var pseudoNouns = [...]string{"Badger", "Crane", "Falcon", "Fox", "Gannet", "Heron", "Ibex", "Jay",
	"Kestrel", "Lynx", "Marten", "Newt", "Otter", "Owl", "Panda", "Puffin", "Quail", "Raven", "Robin",
	"Seal", "Stoat", "Swift", "Tern", "Vole", "Wren", "Yak", "Zebu", "Egret", "Finch", "Gecko", "Hare", "Lark"}

// Pseudonym returns a stable pseudonym for a person id: the same id always
// gives the same pseudonym; about 2^30 combinations make two people sharing
// one very unlikely.
func Pseudonym(id string) string {
	h := sha256.Sum256([]byte("stretchmatch pseudonym\x00" + id))
	v := binary.BigEndian.Uint64(h[:8])
	return pseudoAdjectives[v%uint64(len(pseudoAdjectives))] + " " +
		pseudoNouns[(v>>8)%uint64(len(pseudoNouns))] + " " + shortHash(h[8:11])
}

func shortHash(b []byte) string {
	const digits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	v := uint32(b[0])<<16 | uint32(b[1])<<8 | uint32(b[2])
	out := make([]byte, 4)
	for i := 3; i >= 0; i-- {
		out[i] = digits[v%32]
		v /= 32
	}
	return string(out)
}
