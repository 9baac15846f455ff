package main

import "math/rand/v2"

// writeUnits writes n certified units as YAML registries under
// content/verksamheter/. Until the registry lands it writes nothing.
func writeUnits(r *rand.Rand, out string, n int) error {
	_ = r
	_ = out
	_ = n
	return nil
}
