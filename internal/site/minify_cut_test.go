package site

import (
	"bytes"
	"testing"
)

// cutCases are pages where a cut in the wrong place changes the minified
// page: spaces the minifier keeps or drops by what follows, raw text,
// pre, tags and attributes read the lexer's way.
var cutCases = []string{
	"<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<title>T  –  x</title>\n<link rel=\"stylesheet\" href=\"/a.css\">\n<noscript><link rel=\"stylesheet\" href=\"/b.css\"></noscript>\n</head>\n<body>\n<a class=\"skip\" href=\"#m\">Hoppa</a>\n<header>\n<nav><ul>\n<li><a href=\"/\">Start</a></li>\n</ul></nav>\n</header>\n<main id=\"m\">\n<p>Ett  stycke\nmed <a href=\"/x/\">länk</a> och <em>mer</em> .</p>\n</main>\n</body>\n</html>\n",
	"<p>text <span>a</span> <b>b</b>\n<i>c</i></p>\n<div> x </div>",
	"<p>ord </p><p> ord</p>text <a>l</a>\n<div>d</div>",
	"<span></span> <p>x</p> <span> </span>\n<link rel=x>\n<p>y</p>",
	"<pre>\n  kod  <b>fet</b>\n  <p>inte stycke</p>\n</pre>\n<p>efter</p><pre>a</PRE >  <p>b</p>",
	"<PRE>x  <DIV> y </DIV></pre> <P>z</P>",
	"<script>var a = \"</p><p>\";</script>\n<p>x</p><style>p { color: red }</style>\n<p>y</p>",
	"<script></script> <p>a</p><style></style> <p>b</p><script type=module src=x></script>\n<p>c</p>",
	"<script><!-- <script></script> --></script><p>x</p>",
	"<textarea> <p> </textarea>\n<p>x</p><title> a <p> b </title> <p>y</p>",
	"<p>a</p><title>t</title00> <b>x</b><p>b</p><TITLE></Title >\n<b>y</b>",
	"<p a='>' b=\"<p>\" c=d>x</p>\n<p>y</p><p e = 'f' g>z</p>",
	"<!-- en kommentar <p> --><p>x</p>\n<p>y</p>",
	"<svg><p>x</p></svg> <p>a</p><math><mi>x</mi></math>\n<p>b</p>",
	"<svg viewBox=\"0 0 10 10\">\n <g>  <text> a   b </text> </g>\n <p> x </p>\n <rect width=\"10\" height=\"10\"/> </svg>\n<p>y</p>",
	"<p>a</p><span></span> <b>x</b>\n<p>b</p><i>c</i> <b>y</b>",
	"<div></div><img src=x> <b>y</b><p>a</p><button>k</button> <b>x</b><p>b</p><select></select> <b>z</b>",
	"<p>a</p></button> <b>x</b><p>b</p><select><b> z</b></select>",
	"<select><option>a</option> text <option>b</option></select>\n<p>c</p>",
	"<table><colgroup><col></colgroup><tr><td> a </td>\n<td>b</td></tr></table> <p>x</p>",
	"<p>x</p>\n\n<p>y</p>\n</div\n>\n<p>z</p></div foo> <p>w</p>",
	"text < 3 och 4 > 2 <p>x</p> a </ p> b <? x ?> <p>y</p>",
	"<br> a <br>\n<hr> b <img src=x> c <input> <p>d</p>",
	"<template><p>x</p></template> <p>y</p>",
	"<p>a</p><p>&amp;  &nbsp; &#65;</p>\n<p>b</p><p>ö</p>",
	"<ul>\n<li>a</li>\n<li><p>b</p>\n</li>\n</ul>\n",
	"<p>x</p> <",
	"<p>x</p><p",
	"<p>x</p><p a=\"b",
}

// TestCutsMinifyAsWhole minifies each of cutCases whole and in pieces,
// cut at every place htmlCuts finds, and by minifyFast (which joins what
// fastMinify writes and what htmlMinifier writes at such places).
func TestCutsMinifyAsWhole(t *testing.T) {
	for _, c := range cutCases {
		checkCuts(t, []byte(c))
	}
	// A case with cuts: were there none, the test would prove nothing.
	if cuts := htmlCuts([]byte(cutCases[0]), nil); len(cuts) < 10 {
		t.Errorf("htmlCuts found %d places to cut in the first case, want 10 or more", len(cuts))
	}
}

// FuzzCutsMinifyAsWhole does the same for any text.
func FuzzCutsMinifyAsWhole(f *testing.F) {
	for _, c := range cutCases {
		f.Add([]byte(c))
	}
	for _, p := range themePages(2) {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		checkCuts(t, page)
	})
}

func checkCuts(t *testing.T, page []byte) {
	t.Helper()
	m := newMinifier()
	whole, err := m.Bytes("text/html", bytes.Clone(page))
	if err != nil {
		t.Skip(err)
	}
	each, err := minifyEachPiece(m, bytes.Clone(page))
	if err != nil {
		t.Fatalf("%q: %v", page, err)
	}
	if !bytes.Equal(each, whole) {
		t.Errorf("%q cut at %v:\nin pieces %q\nwhole     %q", page, htmlCuts(page, nil), each, whole)
	}
	if err := verifyFast(m, page, whole); err != nil {
		t.Errorf("%q: %v", page, err)
	}
}

// TestPieceErrorSaysWhereInPage: when the minifier fails on a piece (here
// inline SVG), minifyHTML's error is the one of the whole page, at its
// line.
func TestPieceErrorSaysWhereInPage(t *testing.T) {
	page := []byte("<p>a</p>\n<p>b</p>\n<div>\n<p>c</p>\n<svg>\x00</svg>\n</div>\n<p>d</p>\n")
	m := newMinifier()
	_, want := m.Bytes("text/html", bytes.Clone(page))
	if want == nil {
		t.Fatal("the minifier takes the script: the test proves nothing")
	}
	var w bytes.Buffer
	err := minifyHTML(m, &w, page, nil)
	if err == nil || err.Error() != want.Error() {
		t.Fatalf("error %v, want %v", err, want)
	}
}
