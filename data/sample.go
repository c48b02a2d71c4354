package data

import (
	"embed"
	"io/fs"
	"path"
)

//go:embed sample/*.csv sample/README.md sample/previous/*.csv sample/previous/run.json
var sampleFiles embed.FS

// SampleFS returns the embedded sample organisation: the six input files
// under their standard names, and README.md describing the cases they
// exercise. The organisation is fictional.
func SampleFS() fs.FS {
	sub, err := fs.Sub(sampleFiles, "sample")
	if err != nil {
		panic("data: embedded sample missing: " + err.Error())
	}
	return sub
}

// SampleInputs returns the embedded sample as Inputs, each file named
// "sample/<name>" in messages.
func SampleInputs() (Inputs, error) {
	var in Inputs
	sample := SampleFS()
	for _, f := range []struct {
		name string
		dst  **Source
	}{
		{FilePeople, &in.People}, {FilePositions, &in.Positions}, {FileMoves, &in.Moves},
		{FileMentors, &in.Mentors}, {FileMentees, &in.Mentees}, {FileHistory, &in.History},
	} {
		b, err := fs.ReadFile(sample, f.name)
		if err != nil {
			return Inputs{}, err
		}
		*f.dst = &Source{Name: path.Join("sample", f.name), Data: b}
	}
	return in, nil
}
