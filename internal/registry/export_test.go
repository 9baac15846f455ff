package registry

import (
	"os"

	"gopkg.in/yaml.v3"
)

// ThemeKinds are the names of the theme's default kinds of care (the
// kinds: of layouts/words.yaml), which the tests load registries with as
// the build does for a site whose site.yaml names none.
var ThemeKinds = func() []string {
	data, err := os.ReadFile("../../layouts/words.yaml")
	if err != nil {
		panic(err)
	}
	var w struct {
		Kinds []struct {
			Name string `yaml:"name"`
		} `yaml:"kinds"`
	}
	if err := yaml.Unmarshal(data, &w); err != nil {
		panic(err)
	}
	var out []string
	for _, k := range w.Kinds {
		out = append(out, k.Name)
	}
	if len(out) == 0 {
		panic("layouts/words.yaml has no kinds:")
	}
	return out
}()
