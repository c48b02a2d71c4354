package data

import "github.com/stretchmatch/stretchmatch/model"

// Row structs: one per input file, one typed-cell field per column of the
// file's table, in the table's order, tagged with the canonical column name.
// The row reader hands gocsv a header of canonical names, so gocsv's
// header matching never depends on how the user spelled the header. A test
// checks that the tags, the cell types and the cells methods follow the
// column table.

type personRow struct {
	ID                  textCell    `csv:"id"`
	Name                textCell    `csv:"name"`
	ManagerID           textCell    `csv:"manager_id"`
	Division            textCell    `csv:"division"`
	Function            textCell    `csv:"function"`
	Country             countryCell `csv:"country"`
	SiteType            siteCell    `csv:"site_type"`
	RoleKind            roleCell    `csv:"role_kind"`
	ProductLine         textCell    `csv:"product_line"`
	Team                textCell    `csv:"team"`
	Grade               intCell     `csv:"grade"`
	Headcount           countCell   `csv:"headcount"`
	FunctionsHeld       listCell    `csv:"functions_held"`
	Languages           langCell    `csv:"languages"`
	Gender              textCell    `csv:"gender"`
	LearningOrientation ratingCell  `csv:"learning_orientation"`
	PositionID          textCell    `csv:"position_id"`
}

func (r *personRow) cells(b []cell) []cell {
	return append(b[:0], &r.ID, &r.Name, &r.ManagerID, &r.Division, &r.Function, &r.Country,
		&r.SiteType, &r.RoleKind, &r.ProductLine, &r.Team, &r.Grade, &r.Headcount,
		&r.FunctionsHeld, &r.Languages, &r.Gender, &r.LearningOrientation, &r.PositionID)
}

func (r *personRow) model(line int) model.Person {
	return model.Person{
		ID: r.ID.v, Name: r.Name.v, ManagerID: r.ManagerID.v,
		Division: r.Division.v, Function: r.Function.v, Country: r.Country.v,
		SiteType: r.SiteType.v, RoleKind: r.RoleKind.v, ProductLine: r.ProductLine.v,
		Team: r.Team.v, Grade: r.Grade.v, Headcount: r.Headcount.v,
		FunctionsHeld: r.FunctionsHeld.v, Languages: r.Languages.v, Gender: r.Gender.v,
		LearningOrientation: r.LearningOrientation.v, PositionID: r.PositionID.v,
		Line: line,
	}
}

type positionRow struct {
	ID          textCell     `csv:"id"`
	Title       textCell     `csv:"title"`
	ManagerID   textCell     `csv:"manager_id"`
	Division    textCell     `csv:"division"`
	Function    textCell     `csv:"function"`
	Country     countryCell  `csv:"country"`
	SiteType    siteCell     `csv:"site_type"`
	RoleKind    roleCell     `csv:"role_kind"`
	ProductLine textCell     `csv:"product_line"`
	Team        textCell     `csv:"team"`
	Grade       intCell      `csv:"grade"`
	Headcount   countCell    `csv:"headcount"`
	NewRole     flagCell     `csv:"new_role"`
	Critical    flagCell     `csv:"critical"`
	Openings    openingsCell `csv:"openings"`
}

func (r *positionRow) cells(b []cell) []cell {
	return append(b[:0], &r.ID, &r.Title, &r.ManagerID, &r.Division, &r.Function, &r.Country,
		&r.SiteType, &r.RoleKind, &r.ProductLine, &r.Team, &r.Grade, &r.Headcount,
		&r.NewRole, &r.Critical, &r.Openings)
}

func (r *positionRow) model(line int) model.Position {
	return model.Position{
		ID: r.ID.v, Title: r.Title.v, ManagerID: r.ManagerID.v,
		Division: r.Division.v, Function: r.Function.v, Country: r.Country.v,
		SiteType: r.SiteType.v, RoleKind: r.RoleKind.v, ProductLine: r.ProductLine.v,
		Team: r.Team.v, Grade: r.Grade.v, Headcount: r.Headcount.v,
		NewRole: r.NewRole.v.Or(false), Critical: r.Critical.v.Or(false),
		Openings: r.Openings.v.Or(1),
		Line:     line,
	}
}

type moveRow struct {
	ID                        textCell   `csv:"id"`
	PersonID                  textCell   `csv:"person_id"`
	PositionID                textCell   `csv:"position_id"`
	ProposedBy                textCell   `csv:"proposed_by"`
	FailureVisible            ratingCell `csv:"failure_visible"`
	TakeCharge                ratingCell `csv:"take_charge"`
	Pressure                  ratingCell `csv:"pressure"`
	InfluenceWithoutAuthority ratingCell `csv:"influence_without_authority"`
	Ambiguity                 ratingCell `csv:"ambiguity"`
	HighVisibility            ratingCell `csv:"high_visibility"`
	TeamBuilding              ratingCell `csv:"team_building"`
	Strategic                 ratingCell `csv:"strategic"`
	BossExtreme               ratingCell `csv:"boss_extreme"`
	SomethingMissing          ratingCell `csv:"something_missing"`
	Support                   ratingCell `csv:"support"`
	Note                      textCell   `csv:"note"`
}

func (r *moveRow) cells(b []cell) []cell {
	return append(b[:0], &r.ID, &r.PersonID, &r.PositionID, &r.ProposedBy,
		&r.FailureVisible, &r.TakeCharge, &r.Pressure, &r.InfluenceWithoutAuthority,
		&r.Ambiguity, &r.HighVisibility, &r.TeamBuilding, &r.Strategic,
		&r.BossExtreme, &r.SomethingMissing, &r.Support, &r.Note)
}

// rating returns the cell holding the rating of the criterion at index i
// of model.Catalog, or nil for a derived criterion.
func (r *moveRow) rating(i int) *ratingCell {
	switch i {
	case model.FailureVisible:
		return &r.FailureVisible
	case model.TakeCharge:
		return &r.TakeCharge
	case model.Pressure:
		return &r.Pressure
	case model.InfluenceWithoutAuthority:
		return &r.InfluenceWithoutAuthority
	case model.Ambiguity:
		return &r.Ambiguity
	case model.HighVisibility:
		return &r.HighVisibility
	case model.TeamBuilding:
		return &r.TeamBuilding
	case model.Strategic:
		return &r.Strategic
	case model.BossExtreme:
		return &r.BossExtreme
	case model.SomethingMissing:
		return &r.SomethingMissing
	}
	return nil
}

func (r *moveRow) model(line int) model.Move {
	m := model.Move{
		ID: r.ID.v, PersonID: r.PersonID.v, PositionID: r.PositionID.v,
		ProposedBy: r.ProposedBy.v, Support: r.Support.v, Note: r.Note.v,
		Line: line,
	}
	if m.ID == "" {
		m.ID = m.PersonID + ">" + m.PositionID
	}
	for i := range model.Catalog {
		if c := r.rating(i); c != nil {
			m.Ratings[i] = c.v
		}
	}
	return m
}

type mentorRow struct {
	PersonID   textCell  `csv:"person_id"`
	Capacity   countCell `csv:"capacity"`
	Experience tagCell   `csv:"experience"`
	Languages  langCell  `csv:"languages"`
	Available  flagCell  `csv:"available"`
}

func (r *mentorRow) cells(b []cell) []cell {
	return append(b[:0], &r.PersonID, &r.Capacity, &r.Experience, &r.Languages, &r.Available)
}

func (r *mentorRow) model(line, defaultCapacity int) model.Mentor {
	return model.Mentor{
		PersonID: r.PersonID.v, Capacity: r.Capacity.v.Or(defaultCapacity),
		Experience: r.Experience.v, Languages: r.Languages.v,
		Available: r.Available.v.Or(true),
		Line:      line,
	}
}

type menteeRow struct {
	PersonID    textCell     `csv:"person_id"`
	Needs       tagCell      `csv:"needs"`
	Preferences listCell     `csv:"preferences"`
	Avoid       listCell     `csv:"avoid"`
	Priority    priorityCell `csv:"priority"`
}

func (r *menteeRow) cells(b []cell) []cell {
	return append(b[:0], &r.PersonID, &r.Needs, &r.Preferences, &r.Avoid, &r.Priority)
}

func (r *menteeRow) model(line int) model.Mentee {
	return model.Mentee{
		PersonID: r.PersonID.v, Needs: r.Needs.v, Preferences: r.Preferences.v,
		Avoid: r.Avoid.v, Priority: r.Priority.v,
		Line: line,
	}
}

type historyRow struct {
	MenteeID textCell   `csv:"mentee_id"`
	MentorID textCell   `csv:"mentor_id"`
	Status   statusCell `csv:"status"`
	Since    dateCell   `csv:"since"`
}

func (r *historyRow) cells(b []cell) []cell {
	return append(b[:0], &r.MenteeID, &r.MentorID, &r.Status, &r.Since)
}

func (r *historyRow) model(line int) model.HistoryPair {
	status := model.PairStatus(r.Status.v)
	if status == "" {
		status = model.PairActive
	}
	return model.HistoryPair{
		MenteeID: r.MenteeID.v, MentorID: r.MentorID.v, Status: status,
		Since: r.Since.v, Line: line,
	}
}
