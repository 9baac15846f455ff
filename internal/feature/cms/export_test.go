package cms

// FastAndYAMLv3 returns the configuration of s as writeYAML writes it (nil
// when it gives up) and as yaml.v3's encoder does.
func FastAndYAMLv3(s Site) (fast, v3 []byte, err error) {
	c, _, err := configOf(s)
	if err != nil {
		return nil, nil, err
	}
	if out, ok := writeYAML(c); ok {
		fast = append([]byte(configHeader), out...)
	}
	v3, err = encodeWith(c, false)
	return fast, v3, err
}

// TextFastAndYAMLv3 is FastAndYAMLv3 for a configuration that holds the
// text s in every kind of place: a value, a list's item, an option's
// label and value, a name.
func TextFastAndYAMLv3(s string) (fast, v3 []byte, err error) {
	f := Field{Name: s, Label: s, Widget: "string", Hint: s, Pattern: []string{s, s}, Options: []Option{{Label: s, Value: s}, {Label: s, Value: true}}}
	c := &config{Backend: backend{Name: s}, AppTitle: s, Collections: []collection{{Name: s, Label: s, IndexFile: &indexFile{Label: s},
		Files: []fileItem{{Name: s, Label: s, File: s, Fields: []Field{f, {Name: "a", Item: &f}}}}, Fields: []Field{f}}}}
	if out, ok := writeYAML(c); ok {
		fast = append([]byte(configHeader), out...)
	}
	v3, err = encodeWith(c, false)
	return fast, v3, err
}
