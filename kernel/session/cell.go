package session

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"

	"github.com/gophlow/gophlow/kernel/cellcheck"
)

// A cell is split into segments: the top-level statements and declarations
// it holds, in the order written. yaegi evaluates a chunk of code either as
// declarations or as statements, never both, so a cell is evaluated segment
// group by segment group (see units).

type segmentKind int

const (
	stmtSegment segmentKind = iota
	importSegment
	declSegment
	packageSegment // a package clause: the cell is a whole program
)

// segment is one top-level statement or declaration of a cell, parsed on
// its own.
type segment struct {
	kind      segmentKind
	text      string // the source text, exactly as written in the cell
	line, col int    // cell position (1-based) of text's first byte

	fset   *token.FileSet
	file   *ast.File // the parse of wrapper+text (for resolution: file.Unresolved)
	prefix int       // bytes of wrapper before text in the parsed source
	decl   ast.Decl  // the declaration (import and decl segments)
	stmt   ast.Stmt  // the statement (stmt segments)

	// typed are the edits the type checker derived for the segment (see
	// package cellcheck), kept for its re-evaluations.
	typed []edit
}

// typedAt reports whether a typed edit starts at pos.
func (s *segment) typedAt(pos token.Pos) bool {
	off := s.offset(pos)
	for _, e := range s.typed {
		if e.start == off {
			return true
		}
	}
	return false
}

// offset returns the byte offset within s.text of pos.
func (s *segment) offset(pos token.Pos) int {
	return s.fset.File(pos).Offset(pos) - s.prefix
}

// position returns the cell line and column of byte offset off of s.text.
func (s *segment) position(off int) (line, col int) {
	line, col = s.line, s.col
	for i := 0; i < off && i < len(s.text); i++ {
		if s.text[i] == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// splitCell cuts code into top-level segments at the semicolons (written or
// automatically inserted) outside any bracket, classifies each by its first
// tokens and parses it. The first syntax error is returned.
func splitCell(code string) ([]*segment, error) {
	fset := token.NewFileSet()
	file := fset.AddFile("cell", -1, len(code))
	var scanErr *posError
	var s scanner.Scanner
	s.Init(file, []byte(code), func(pos token.Position, msg string) {
		if scanErr == nil {
			scanErr = &posError{line: pos.Line, col: pos.Column, name: "SyntaxError", msg: msg}
		}
	}, 0)

	var segs []*segment
	var toks []token.Token
	start, depth, header := -1, 0, -1
	emit := func(end int) {
		text := strings.TrimRight(code[start:end], " \t\r\n")
		p := file.Position(file.Pos(start))
		segs = append(segs, &segment{kind: classify(toks), text: text, line: p.Line, col: p.Column})
		start, toks = -1, toks[:0]
	}
	for {
		pos, tok, _ := s.Scan()
		off := file.Offset(pos)
		if tok == token.EOF {
			if start >= 0 {
				emit(len(code))
			}
			break
		}
		if start < 0 {
			if tok == token.SEMICOLON {
				continue
			}
			start = off
		}
		toks = append(toks, tok)
		switch tok {
		case token.FOR, token.IF, token.SWITCH:
			// The semicolons of a header (for i := 0; i < n; i++ {)
			// do not end the statement.
			if header < 0 {
				header = depth
			}
		case token.LBRACE:
			if depth == header {
				header = -1
			}
			depth++
		case token.LPAREN, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACE, token.RBRACK:
			if depth > 0 {
				depth--
			}
		case token.SEMICOLON:
			if depth == 0 && header < 0 {
				emit(off)
			}
		}
	}
	if scanErr != nil {
		return nil, scanErr
	}
	for _, sg := range segs {
		if err := sg.parse(); err != nil {
			return nil, err
		}
	}
	return segs, nil
}

// classify tells a declaration from a statement by its first tokens. A
// "func" followed by a name, or by a receiver and a name, declares a
// function; any other "func" starts a function literal.
func classify(toks []token.Token) segmentKind {
	switch toks[0] {
	case token.PACKAGE:
		return packageSegment
	case token.IMPORT:
		return importSegment
	case token.TYPE, token.VAR, token.CONST:
		return declSegment
	case token.FUNC:
		if len(toks) > 1 && toks[1] == token.IDENT {
			return declSegment
		}
		if len(toks) > 1 && toks[1] == token.LPAREN {
			depth := 0
			for i := 1; i < len(toks); i++ {
				switch toks[i] {
				case token.LPAREN:
					depth++
				case token.RPAREN:
					depth--
					if depth == 0 {
						if i+2 < len(toks) && toks[i+1] == token.IDENT && toks[i+2] == token.LPAREN {
							return declSegment
						}
						return stmtSegment
					}
				}
			}
		}
	}
	return stmtSegment
}

const (
	declWrapper = "package p;"
	stmtWrapper = "package p;func _(){"
)

// parse parses the segment as what it was classified as; a declaration
// that does not parse is tried as a statement before giving up.
func (s *segment) parse() error {
	s.fset = token.NewFileSet()
	if s.kind == packageSegment {
		if f, err := parser.ParseFile(s.fset, "", s.text, parser.PackageClauseOnly); err != nil || len(s.text) > int(f.Name.End())-1 {
			return &posError{line: s.line, col: s.col, name: "SyntaxError", msg: "expected a package clause: package main"}
		}
		return nil
	}
	if s.kind != stmtSegment {
		f, err := parser.ParseFile(s.fset, "", declWrapper+s.text, 0)
		if err == nil && len(f.Decls) == 1 {
			s.file, s.prefix, s.decl = f, len(declWrapper), f.Decls[0]
			return nil
		}
		if s.kind == importSegment {
			return s.syntaxError(err, len(declWrapper))
		}
		if serr := s.parseStmt(); serr == nil {
			s.kind = stmtSegment
			return nil
		}
		return s.syntaxError(err, len(declWrapper))
	}
	return s.parseStmt()
}

// parseStmt parses the segment as one statement.
func (s *segment) parseStmt() error {
	f, err := parser.ParseFile(s.fset, "", stmtWrapper+s.text+"\n}", 0)
	if err != nil {
		return s.syntaxError(err, len(stmtWrapper))
	}
	body := f.Decls[0].(*ast.FuncDecl).Body.List
	if len(body) != 1 {
		return &posError{line: s.line, col: s.col, name: "SyntaxError", msg: "expected one statement"}
	}
	s.file, s.prefix, s.stmt = f, len(stmtWrapper), body[0]
	return nil
}

// syntaxError converts a parse error of the wrapped segment to cell
// coordinates.
func (s *segment) syntaxError(err error, prefix int) error {
	if err == nil {
		return &posError{line: s.line, col: s.col, name: "SyntaxError", msg: "expected one declaration"}
	}
	list, ok := err.(scanner.ErrorList)
	if !ok || len(list) == 0 {
		return &posError{line: s.line, col: s.col, name: "SyntaxError", msg: err.Error()}
	}
	e := list[0]
	off := e.Pos.Offset - prefix
	if off < 0 {
		off = 0
	}
	msg := e.Msg
	if off >= len(s.text) {
		// The parser reached the wrapper's closing brace.
		off = len(s.text)
		msg = strings.Replace(msg, "found '}'", "found the end of the statement", 1)
	}
	line, col := s.position(off)
	return &posError{line: line, col: col, name: "SyntaxError", msg: msg}
}

// names returns the top-level names a declaration binds, and for a method
// its key "Type.Method".
func declNames(d ast.Decl) (kind string, names []string) {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) == 1 {
			return "method", []string{cellcheck.ReceiverTypeName(d.Recv.List[0].Type) + "." + d.Name.Name}
		}
		return "func", []string{d.Name.Name}
	case *ast.GenDecl:
		kind = d.Tok.String()
		for _, sp := range d.Specs {
			switch sp := sp.(type) {
			case *ast.TypeSpec:
				names = append(names, sp.Name.Name)
			case *ast.ValueSpec:
				for _, n := range sp.Names {
					if n.Name != "_" {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	return kind, names
}
