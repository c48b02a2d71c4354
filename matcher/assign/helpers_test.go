package assign

import "errors"

func asInfeasible(err error, target **InfeasibleError) bool { return errors.As(err, target) }
