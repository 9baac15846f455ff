// Package hbtq holds the engine's theme: the layouts every site is built
// with unless it has a layouts/ folder of its own (see package site).
package hbtq

import "embed"

// Theme is the repository's layouts/ folder (layouts, partials, CSS and
// JavaScript), built into the program.
//
//go:embed layouts
var Theme embed.FS
