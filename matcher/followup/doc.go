// Package followup follows up the previous quarter's pack with this
// quarter's data: whether each chosen move became real, whether each
// mentoring pair and codevelopment group is alive, their sessions and goal
// attainment, and what goes into next quarter's history.
//
// It takes and returns values only: package data reads the previous pack
// and activity.csv, package reports renders the result.
//
// # Moves
//
// A chosen move is [Left] when its person is no longer in people.csv. It
// is [Realised] when the person now holds the target position
// (people.csv position_id); when the person's position_id is not given,
// when their manager_id, function and grade now match those the target
// position gives (positions.csv of this quarter, else of the previous
// one). Otherwise it is [OtherMove] when the person's job changed since
// the previous quarter's people.csv (position_id, manager_id, function or
// grade) and [NotYet] when it did not or when the previous job is unknown.
//
// # Pairs and groups
//
// Health is decided in this order: [Ended] (the mentee or the mentor left,
// or a closed activity), [NotAGoodFit] (the latest fit answer), then
// [NoFirstMeeting] (no meeting yet and more than first_meeting_days since
// the start), [Inactive] (more than inactive_days since the last
// meeting), else [OnTrack]. Sessions planned are one per full period of
// session_every_days since the start (for a group with a calendar, its
// sessions dated on or before the day of the follow-up).
//
// # Goal Attainment Scaling
//
// Each goal's attainment x is its latest goal_score (−2…+2). The T-score of
// Kiresuk and Sherman (1968) is
//
//	T = 50 + 10·Σwᵢxᵢ / √((1−ρ)·Σwᵢ² + ρ·(Σwᵢ)²)
//
// with ρ = gas_correlation (0.3 by default) and weights wᵢ from goal_weight
// (1 when not given): T = 50 when every goal is met as expected, and 10
// points are one standard deviation.
package followup
