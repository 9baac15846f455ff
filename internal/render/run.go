package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"
	"time"
)

// The tightened layouts, run
//
// text/template executes a tree by reflection at every step: it finds each
// field by its name (a method of that name first) on every page, looks up
// each function in the set's map under a lock and calls it with
// reflect.Value.Call, and prints each value through fmt. Once a layout is
// escaped and tightened, its trees no longer change, so Load gives each
// layout a program: the same trees, run by the small interpreter below,
// which remembers how to reach a field of a type, calls the functions of
// the set by their Go types (the escapers of tighten.go, timetag,
// partialCached and the other template functions) and writes strings as
// they are.
//
// The interpreter does what text/template does, for the part of it that
// layouts use: text, actions with variables, if, with, range over a slice
// or an array, template calls, fields and methods of structs, maps with
// string keys, the functions of the set, and, or, not, eq and ne of
// strings, integers and bools. Anything else it meets on a page (another
// function, a map or a channel to range over, a break, an error of any
// kind, a function that panics) ends the run: the output is thrown away
// and the page is executed by html/template itself, which then writes
// what it writes and reports the error as it reports it. So a program
// never writes what html/template would not: on a page it does not know,
// it leaves the page to html/template. Nothing is escaped here: the
// escapers html/template put in the trees (as tightened) are called as
// they are, and a function the interpreter does not know is never called
// by it. TestTightAsEscaped and TestRunAsEscaped hold every layout run to
// html/template's output, with hostile values.

// A program runs the escaped, tightened templates of one layout.
type program struct {
	entry *parse.Tree
	trees map[string]*parse.Tree // the templates the entry may call, by name
	funcs map[string]any         // the set's functions the program knows, by name
	// ways remembers, for each field name in the trees (by its address
	// in its node), how it reached into the last type it met there.
	ways map[*string]*waySlot
}

// waySlot is the way a field name in a tree went last.
type waySlot struct{ last atomic.Pointer[wayAt] }

type wayAt struct {
	key fieldKey
	way fieldWay
}

// bail is what a run panics with when it leaves the page to html/template.
type bail struct{ why string }

// newProgram returns the program of the template entry of set, escaped
// and tightened, with the set's functions funcs; nil when entry is not a
// template of set or calls a template out of the program's reach.
func newProgram(set *template.Template, entry string, funcs map[string]any) *program {
	tt := set.Lookup(entry)
	if tt == nil || tt.Tree == nil {
		return nil
	}
	p := &program{entry: tt.Tree, trees: map[string]*parse.Tree{}, funcs: funcs, ways: map[*string]*waySlot{}}
	unknown := false
	slots := func(idents []string) {
		for i := range idents {
			p.ways[&idents[i]] = &waySlot{}
		}
	}
	var add func(t *parse.Tree)
	add = func(t *parse.Tree) {
		walkTree(t.Root, func(n parse.Node) {
			switch n := n.(type) {
			case *parse.FieldNode:
				slots(n.Ident)
			case *parse.VariableNode:
				slots(n.Ident)
			case *parse.ChainNode:
				slots(n.Field)
			}
			tn, ok := n.(*parse.TemplateNode)
			if !ok {
				return
			}
			if _, seen := p.trees[tn.Name]; seen {
				return
			}
			callee := set.Lookup(tn.Name)
			if callee == nil || callee.Tree == nil {
				// A template html/template escaped as a copy for
				// another context (a block in <title>, in an
				// attribute) is in the set of text/template within
				// html/template's, out of reach: every run would
				// leave the page to html/template.
				unknown = true
				return
			}
			p.trees[tn.Name] = callee.Tree
			add(callee.Tree)
		})
	}
	add(tt.Tree)
	if unknown {
		return nil
	}
	return p
}

// runBufs holds the buffers a run writes to when its writer is not a
// *bytes.Buffer.
var runBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// run executes the program with data to w. It returns false, having
// written nothing, when it leaves the page to html/template.
func (p *program) run(w io.Writer, data any) bool {
	buf, direct := w.(*bytes.Buffer)
	if !direct {
		buf = runBufs.Get().(*bytes.Buffer)
		buf.Reset()
		defer runBufs.Put(buf)
	}
	start := buf.Len()
	if !p.runTo(buf, data) {
		buf.Truncate(start)
		return false
	}
	if !direct {
		if _, err := w.Write(buf.Bytes()); err != nil {
			return false // not reached for the writers of a build; html/template runs again and meets the error
		}
	}
	return true
}

func (p *program) runTo(buf *bytes.Buffer, data any) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			ok = false
		}
	}()
	dot := reflect.ValueOf(data)
	s := &runState{prog: p, w: buf}
	s.vars = append(s.vars, runVar{"$", dot})
	s.walk(dot, p.entry.Root)
	return true
}

// runState is html/template's state of execution, for one run.
type runState struct {
	prog  *program
	w     *bytes.Buffer
	vars  []runVar // the variables in scope: those of the template running begin at base
	base  int
	depth int
}

type runVar struct {
	name  string
	value reflect.Value
}

func (s *runState) bail(why string) { panic(bail{why}) }

func (s *runState) walk(dot reflect.Value, node parse.Node) {
	switch n := node.(type) {
	case *parse.ActionNode:
		if len(n.Pipe.Decl) == 0 && s.printDirect(dot, n.Pipe) {
			return
		}
		v := s.evalPipeline(dot, n.Pipe)
		if len(n.Pipe.Decl) == 0 {
			s.print(v)
		}
	case *parse.CommentNode:
	case *parse.IfNode:
		s.ifOrWith(false, dot, n.Pipe, n.List, n.ElseList)
	case *parse.WithNode:
		s.ifOrWith(true, dot, n.Pipe, n.List, n.ElseList)
	case *parse.ListNode:
		for _, c := range n.Nodes {
			s.walk(dot, c)
		}
	case *parse.RangeNode:
		s.walkRange(dot, n)
	case *parse.TemplateNode:
		s.walkTemplate(dot, n)
	case *parse.TextNode:
		s.w.Write(n.Text)
	default:
		s.bail("node " + node.String())
	}
}

func (s *runState) ifOrWith(with bool, dot reflect.Value, pipe *parse.PipeNode, list, elseList *parse.ListNode) {
	mark := len(s.vars)
	v := s.evalPipeline(dot, pipe)
	truth, ok := isTrue(indirectInterface(v))
	if !ok {
		s.bail("truth")
	}
	if truth {
		if with {
			s.walk(v, list)
		} else {
			s.walk(dot, list)
		}
	} else if elseList != nil {
		s.walk(dot, elseList)
	}
	s.vars = s.vars[:mark]
}

func (s *runState) walkRange(dot reflect.Value, r *parse.RangeNode) {
	outer := len(s.vars)
	val, _ := indirect(s.evalPipeline(dot, r.Pipe))
	mark := len(s.vars)
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		if val.Len() == 0 {
			break
		}
		for i := 0; i < val.Len(); i++ {
			index, elem := reflect.ValueOf(i), val.Index(i)
			if d := r.Pipe.Decl; len(d) > 0 {
				if r.Pipe.IsAssign {
					if len(d) > 1 {
						s.setVar(d[0].Ident[0], index)
						s.setVar(d[1].Ident[0], elem)
					} else {
						s.setVar(d[0].Ident[0], elem)
					}
				} else {
					s.vars[len(s.vars)-1].value = elem
					if len(d) > 1 {
						s.vars[len(s.vars)-2].value = index
					}
				}
			}
			s.walk(elem, r.List)
			s.vars = s.vars[:mark]
		}
		s.vars = s.vars[:outer]
		return
	case reflect.Invalid:
	default:
		s.bail("range over " + val.Kind().String())
	}
	if r.ElseList != nil {
		s.walk(dot, r.ElseList)
	}
	s.vars = s.vars[:outer]
}

func (s *runState) walkTemplate(dot reflect.Value, t *parse.TemplateNode) {
	tree := s.prog.trees[t.Name]
	if tree == nil || s.depth >= 64 {
		s.bail("template " + t.Name)
	}
	dot = s.evalPipeline(dot, t.Pipe)
	base := s.base
	s.base = len(s.vars)
	s.vars = append(s.vars, runVar{"$", dot})
	s.depth++
	s.walk(dot, tree.Root)
	s.depth--
	s.vars = s.vars[:s.base]
	s.base = base
}

func (s *runState) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	s.bail("variable " + name)
	panic("not reached")
}

func (s *runState) setVar(name string, v reflect.Value) {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return
		}
	}
	s.bail("variable " + name)
}

func (s *runState) evalPipeline(dot reflect.Value, pipe *parse.PipeNode) reflect.Value {
	if pipe == nil {
		return reflect.Value{}
	}
	var v reflect.Value
	for i, cmd := range pipe.Cmds {
		v = s.evalCommand(dot, cmd, v, i > 0)
		if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
			v = v.Elem()
		}
	}
	for _, d := range pipe.Decl {
		if pipe.IsAssign {
			s.setVar(d.Ident[0], v)
		} else {
			s.vars = append(s.vars, runVar{d.Ident[0], v})
		}
	}
	return v
}

// notAFunction bails where text/template reports an argument given to
// something that is not a function.
func (s *runState) notAFunction(args []parse.Node, hasFinal bool) {
	if len(args) > 1 || hasFinal {
		s.bail("argument to a non-function")
	}
}

func (s *runState) evalCommand(dot reflect.Value, cmd *parse.CommandNode, final reflect.Value, hasFinal bool) reflect.Value {
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return s.evalFieldChain(dot, dot, n.Ident, cmd.Args, final, hasFinal)
	case *parse.ChainNode:
		return s.evalChain(dot, n, cmd.Args, final, hasFinal)
	case *parse.IdentifierNode:
		return s.evalFunction(dot, n.Ident, cmd.Args, final, hasFinal)
	case *parse.PipeNode:
		s.notAFunction(cmd.Args, hasFinal)
		return s.evalPipeline(dot, n)
	case *parse.VariableNode:
		return s.evalVariable(dot, n, cmd.Args, final, hasFinal)
	}
	s.notAFunction(cmd.Args, hasFinal)
	switch n := cmd.Args[0].(type) {
	case *parse.BoolNode:
		return reflect.ValueOf(n.True)
	case *parse.DotNode:
		return dot
	case *parse.NumberNode:
		return s.idealConstant(n)
	case *parse.StringNode:
		return reflect.ValueOf(n.Text)
	}
	s.bail("command")
	panic("not reached")
}

// idealConstant is text/template's value of a number: an int or a float
// (the rest bails).
func (s *runState) idealConstant(n *parse.NumberNode) reflect.Value {
	switch {
	case n.IsComplex:
	case n.IsFloat && !isHexInt(n.Text) && !(len(n.Text) > 0 && n.Text[0] == '\'') && strings.ContainsAny(n.Text, ".eEpP"):
		return reflect.ValueOf(n.Float64)
	case n.IsInt && int64(int(n.Int64)) == n.Int64:
		return reflect.ValueOf(int(n.Int64))
	}
	s.bail("number " + n.Text)
	panic("not reached")
}

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}

func (s *runState) evalChain(dot reflect.Value, chain *parse.ChainNode, args []parse.Node, final reflect.Value, hasFinal bool) reflect.Value {
	var recv reflect.Value
	switch n := chain.Node.(type) {
	case *parse.FieldNode, *parse.VariableNode, *parse.PipeNode, *parse.IdentifierNode, *parse.ChainNode, *parse.DotNode:
		recv = s.evalArg(dot, nil, n)
	default:
		s.bail("chain")
	}
	return s.evalFieldChain(dot, recv, chain.Field, args, final, hasFinal)
}

func (s *runState) evalVariable(dot reflect.Value, v *parse.VariableNode, args []parse.Node, final reflect.Value, hasFinal bool) reflect.Value {
	value := s.varValue(v.Ident[0])
	if len(v.Ident) == 1 {
		s.notAFunction(args, hasFinal)
		return value
	}
	return s.evalFieldChain(dot, value, v.Ident[1:], args, final, hasFinal)
}

func (s *runState) evalFieldChain(dot, recv reflect.Value, ident []string, args []parse.Node, final reflect.Value, hasFinal bool) reflect.Value {
	n := len(ident)
	for i := 0; i < n-1; i++ {
		recv = s.evalField(dot, &ident[i], nil, reflect.Value{}, false, recv)
	}
	return s.evalField(dot, &ident[n-1], args, final, hasFinal, recv)
}

// fieldKey names a field or method of a type, as a field name in a
// layout reaches it; addr says the value is addressable (its pointer's
// methods count).
type fieldKey struct {
	t    reflect.Type
	addr bool
	name string
}

// fieldWay is how a name reaches into a value of a type: by a method
// (method >= 0), by a field (index), or neither (bail).
type fieldWay struct {
	method int
	index  []int
	field  bool
}

// way returns the way of the field name at ident (in a node of the
// program's trees) into a value of the key's type.
func (p *program) way(ident *string, k fieldKey, ptr reflect.Type) fieldWay {
	slot := p.ways[ident]
	if slot == nil {
		return wayOf(k, ptr)
	}
	if at := slot.last.Load(); at != nil && at.key == k {
		return at.way
	}
	w := wayOf(k, ptr)
	slot.last.Store(&wayAt{k, w})
	return w
}

var fieldWays sync.Map // fieldKey → fieldWay

func wayOf(k fieldKey, ptr reflect.Type) fieldWay {
	if w, ok := fieldWays.Load(k); ok {
		return w.(fieldWay)
	}
	w := fieldWay{method: -1}
	if m, ok := ptr.MethodByName(k.name); ok {
		w.method = m.Index
	} else if k.t.Kind() == reflect.Struct {
		if f, ok := k.t.FieldByName(k.name); ok && f.IsExported() {
			w.index, w.field = f.Index, true
		}
	}
	fieldWays.Store(k, w)
	return w
}

// evalField is text/template's evalField for the default missingkey.
func (s *runState) evalField(dot reflect.Value, ident *string, args []parse.Node, final reflect.Value, hasFinal bool, recv reflect.Value) reflect.Value {
	name := *ident
	if !recv.IsValid() {
		return reflect.Value{}
	}
	recv, isNil := indirect(recv)
	if isNil {
		s.bail("nil")
	}
	ptr, addr := recv, false
	if ptr.CanAddr() { // neither an interface nor a pointer, after indirect
		ptr, addr = ptr.Addr(), true
	}
	w := s.prog.way(ident, fieldKey{recv.Type(), addr, name}, ptr.Type())
	if w.method >= 0 {
		if name == "Feature" && len(args) == 2 && !hasFinal && ptr.CanInterface() {
			if f, ok := ptr.Interface().(featurer); ok {
				return reflect.ValueOf(f.Feature(s.evalArg(dot, stringType, args[1]).String()))
			}
		}
		return s.call(dot, ptr.Method(w.method), args, final, hasFinal)
	}
	hasArgs := len(args) > 1 || hasFinal
	if hasArgs {
		s.bail("arguments to a field")
	}
	switch recv.Kind() {
	case reflect.Struct:
		if w.field {
			f, err := recv.FieldByIndexErr(w.index)
			if err != nil {
				s.bail("field")
			}
			return f
		}
	case reflect.Map:
		if stringType.AssignableTo(recv.Type().Key()) {
			return recv.MapIndex(reflect.ValueOf(name))
		}
	}
	s.bail("field " + name)
	panic("not reached")
}

// featurer is data with the method by which layouts reach a feature's
// data, {{with .Feature "contacts"}} (package site's View), called on most
// pages: a program calls it without reflection. (What it returns is the
// value text/template would take out of the interface a reflected call
// returns, as every pipeline does.)
type featurer interface{ Feature(name string) any }

var (
	stringType  = reflect.TypeFor[string]()
	anyType     = reflect.TypeFor[any]()
	errorType   = reflect.TypeFor[error]()
	stringerTyp = reflect.TypeFor[fmt.Stringer]()
	valueType   = reflect.TypeFor[reflect.Value]()
)

// call calls a method (or a function the program calls by reflection)
// with the arguments args (after the name) and the final value, as
// text/template does; any error bails.
func (s *runState) call(dot, fun reflect.Value, args []parse.Node, final reflect.Value, hasFinal bool) reflect.Value {
	if args != nil {
		args = args[1:]
	}
	typ := fun.Type()
	numIn := len(args)
	if hasFinal {
		numIn++
	}
	if typ.IsVariadic() || numIn != typ.NumIn() || !(typ.NumOut() == 1 || typ.NumOut() == 2 && typ.Out(1) == errorType) || typ.Out(0) == valueType {
		s.bail("call")
	}
	var argv [4]reflect.Value
	in := argv[:0]
	if numIn > len(argv) {
		in = make([]reflect.Value, 0, numIn)
	}
	for i, a := range args {
		in = append(in, s.evalArg(dot, typ.In(i), a))
	}
	if hasFinal {
		in = append(in, s.validateType(final, typ.In(numIn-1)))
	}
	out := fun.Call(in)
	if len(out) == 2 && !out[1].IsNil() {
		s.bail("error")
	}
	return out[0]
}

// evalArg is text/template's evalArg; typ nil is any type (the receiver
// of a chain).
func (s *runState) evalArg(dot reflect.Value, typ reflect.Type, n parse.Node) reflect.Value {
	switch n.(type) {
	case *parse.DotNode, *parse.FieldNode, *parse.VariableNode, *parse.PipeNode, *parse.IdentifierNode, *parse.ChainNode:
		return s.validateType(s.evalArgValue(dot, n), typ)
	}
	if typ == nil {
		s.bail("argument")
	}
	switch typ.Kind() {
	case reflect.Bool:
		if b, ok := n.(*parse.BoolNode); ok {
			v := reflect.New(typ).Elem()
			v.SetBool(b.True)
			return v
		}
	case reflect.String:
		if str, ok := n.(*parse.StringNode); ok {
			v := reflect.New(typ).Elem()
			v.SetString(str.Text)
			return v
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if num, ok := n.(*parse.NumberNode); ok && num.IsInt {
			v := reflect.New(typ).Elem()
			v.SetInt(num.Int64)
			return v
		}
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			switch n.(type) {
			case *parse.BoolNode, *parse.StringNode, *parse.NumberNode:
				return s.evalArgValue(dot, n) // as the builtins take them
			}
		}
	}
	s.bail("argument " + n.String())
	panic("not reached")
}

// validateType is text/template's validateType (typ nil: any type).
func (s *runState) validateType(v reflect.Value, typ reflect.Type) reflect.Value {
	if !v.IsValid() {
		if typ == nil {
			return reflect.Value{}
		}
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.bail("invalid value")
	}
	if typ == nil || v.Type().AssignableTo(typ) {
		if typ == valueType {
			s.bail("reflect.Value")
		}
		return v
	}
	if typ == valueType {
		s.bail("reflect.Value")
	}
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
		if v.Type().AssignableTo(typ) {
			return v
		}
	}
	switch {
	case v.Kind() == reflect.Pointer && v.Type().Elem().AssignableTo(typ):
		v = v.Elem()
		if !v.IsValid() {
			s.bail("nil pointer")
		}
	case reflect.PointerTo(v.Type()).AssignableTo(typ) && v.CanAddr():
		v = v.Addr()
	default:
		s.bail("wrong type")
	}
	return v
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == valueType
	}
	return false
}

// evalArgValue is text/template's evaluation of an argument of a builtin
// that takes reflect.Values (and, or, not, eq, ne).
func (s *runState) evalArgValue(dot reflect.Value, n parse.Node) reflect.Value {
	switch a := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		return s.evalFieldChain(dot, dot, a.Ident, nil, reflect.Value{}, false)
	case *parse.VariableNode:
		return s.evalVariable(dot, a, nil, reflect.Value{}, false)
	case *parse.PipeNode:
		return s.evalPipeline(dot, a)
	case *parse.IdentifierNode:
		return s.evalFunction(dot, a.Ident, nil, reflect.Value{}, false)
	case *parse.ChainNode:
		return s.evalChain(dot, a, nil, reflect.Value{}, false)
	case *parse.BoolNode:
		return reflect.ValueOf(a.True)
	case *parse.StringNode:
		return reflect.ValueOf(a.Text)
	case *parse.NumberNode:
		return s.idealConstant(a)
	}
	s.bail("argument " + n.String())
	panic("not reached")
}

// builtinArgs returns the values of the arguments of a builtin: args
// after the name, then the final value.
func (s *runState) builtinArgs(dot reflect.Value, args []parse.Node, final reflect.Value, hasFinal bool) []reflect.Value {
	var vs []reflect.Value
	if len(args) > 0 {
		for _, a := range args[1:] {
			vs = append(vs, s.evalArgValue(dot, a))
		}
	}
	if hasFinal {
		vs = append(vs, final)
	}
	return vs
}

// evalFunction calls the function name of the set.
func (s *runState) evalFunction(dot reflect.Value, name string, args []parse.Node, final reflect.Value, hasFinal bool) reflect.Value {
	switch name {
	case "and", "or":
		if len(args) < 2 {
			s.bail(name)
		}
		or := name == "or"
		var v reflect.Value
		for _, a := range args[1:] {
			v = s.evalArgValue(dot, a)
			if t, _ := isTrue(indirectInterface(v)); t == or {
				return v
			}
		}
		if hasFinal {
			v = final
		}
		return v
	case "not":
		vs := s.builtinArgs(dot, args, final, hasFinal)
		if len(vs) != 1 {
			s.bail("not")
		}
		t, _ := isTrue(indirectInterface(vs[0]))
		return reflect.ValueOf(!t)
	case "eq", "ne":
		vs := s.builtinArgs(dot, args, final, hasFinal)
		if len(vs) != 2 {
			s.bail(name)
		}
		eq := s.equal(vs[0], vs[1])
		return reflect.ValueOf(eq == (name == "eq"))
	}
	f, ok := s.prog.funcs[name]
	if !ok {
		s.bail("function " + name)
	}
	if args != nil {
		args = args[1:]
	}
	n := len(args)
	if hasFinal {
		n++
	}
	arg := func(i int, typ reflect.Type) reflect.Value {
		if i < len(args) {
			return s.evalArg(dot, typ, args[i])
		}
		return s.validateType(final, typ)
	}
	switch f := f.(type) {
	case func(any) string:
		if n == 1 {
			return reflect.ValueOf(f(arg(0, anyType).Interface()))
		}
	case func(string) string:
		if n == 1 {
			return reflect.ValueOf(f(arg(0, stringType).String()))
		}
	case func(time.Time) string:
		if n == 1 {
			return reflect.ValueOf(f(timeOf(arg(0, timeType))))
		}
	case func(time.Time) template.HTML:
		if n == 1 {
			return reflect.ValueOf(f(timeOf(arg(0, timeType))))
		}
	case func(string) (string, error):
		if n == 1 {
			r, err := f(arg(0, stringType).String())
			if err != nil {
				s.bail("error")
			}
			return reflect.ValueOf(r)
		}
	case func(string, any, ...any) (template.HTML, error):
		if n >= 2 {
			name, data := arg(0, stringType).String(), valueInterface(arg(1, anyType))
			keys := make([]any, 0, n-2)
			for i := 2; i < n; i++ {
				keys = append(keys, valueInterface(arg(i, anyType)))
			}
			r, err := f(name, data, keys...)
			if err != nil {
				s.bail("error")
			}
			return reflect.ValueOf(r)
		}
	}
	return s.call(dot, reflect.ValueOf(f), append([]parse.Node{nil}, args...), final, hasFinal)
}

var timeType = reflect.TypeFor[time.Time]()

// timeOf returns the time.Time v holds, without a copy on the heap when
// v is a field (addressable).
func timeOf(v reflect.Value) time.Time {
	if v.CanAddr() {
		return *v.Addr().Interface().(*time.Time)
	}
	return v.Interface().(time.Time)
}

// valueInterface is what a function given v as an argument of type any
// receives.
func valueInterface(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	return v.Interface()
}

// equal is text/template's eq of two values of the same basic kind:
// strings, integers or bools (other values bail).
func (s *runState) equal(a, b reflect.Value) bool {
	a, b = indirectInterface(a), indirectInterface(b)
	if !a.IsValid() || !b.IsValid() {
		s.bail("eq")
	}
	switch {
	case a.Kind() == reflect.String && b.Kind() == reflect.String:
		return a.String() == b.String()
	case a.Kind() == reflect.Bool && b.Kind() == reflect.Bool:
		return a.Bool() == b.Bool()
	case a.CanInt() && b.CanInt():
		return a.Int() == b.Int()
	}
	s.bail("eq")
	panic("not reached")
}

// printDirect writes the value of an action that ends in a function the
// program knows returning a string (an escaper, timetag, partialCached),
// without making a reflect.Value of it; false when the pipe is another.
func (s *runState) printDirect(dot reflect.Value, pipe *parse.PipeNode) bool {
	last := pipe.Cmds[len(pipe.Cmds)-1]
	id, ok := last.Args[0].(*parse.IdentifierNode)
	if !ok {
		return false
	}
	if f, ok := s.prog.funcs[id.Ident].(func(any) string); ok && len(last.Args) == 1 && len(pipe.Cmds) > 1 {
		var v reflect.Value
		for i, cmd := range pipe.Cmds[:len(pipe.Cmds)-1] {
			v = s.evalCommand(dot, cmd, v, i > 0)
			if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
				v = v.Elem()
			}
		}
		if v.Kind() == reflect.String {
			// The escapers of tighten.go take a string or template.HTML
			// as these do, without making an interface of it.
			switch {
			case v.Type() == stringType && id.Ident == fnURLAttr:
				s.w.WriteString(escapeURLAttr(v.String()))
				return true
			case v.Type() == stringType && (id.Ident == fnText || id.Ident == fnAttr || id.Ident == fnRCDATA):
				htmlEscaper.WriteString(s.w, v.String())
				return true
			case v.Type() == htmlType && id.Ident == fnText:
				s.w.WriteString(v.String())
				return true
			}
		}
		s.w.WriteString(f(valueInterface(v)))
		return true
	}
	return false
}

// print is text/template's printValue: a string as it is, any other value
// through fmt.
func (s *runState) print(v reflect.Value) {
	if v.Kind() == reflect.String && (v.Type() == stringType || v.Type() == htmlType) {
		s.w.WriteString(v.String())
		return
	}
	if v.Kind() == reflect.Pointer {
		v, _ = indirect(v)
	}
	if !v.IsValid() {
		s.w.WriteString("<no value>")
		return
	}
	if !v.Type().Implements(errorType) && !v.Type().Implements(stringerTyp) {
		if v.CanAddr() && (reflect.PointerTo(v.Type()).Implements(errorType) || reflect.PointerTo(v.Type()).Implements(stringerTyp)) {
			v = v.Addr()
		} else if k := v.Kind(); k == reflect.Chan || k == reflect.Func {
			s.bail("print")
		}
	}
	fmt.Fprint(s.w, v.Interface())
}

var htmlType = reflect.TypeFor[template.HTML]()

// isTrue is text/template's truth of a value.
func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true
	default:
		return
	}
	return truth, true
}

func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}
