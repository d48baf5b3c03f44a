package source

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Position is a human position: 1-based line and column, columns counted in characters.
type Position struct {
	Line int `json:"line"`
	Col  int `json:"col"`
}

// Span is a half-open range [Start, End) of character offsets in one file.
type Span struct {
	File  string `json:"file"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Lines maps character offsets of one text to line:col. Build it once per file.
type Lines struct {
	// starts[i] is the character offset where line i+1 begins.
	starts []int
	length int
}

// NewLines indexes text. A line ends after "\n"; a "\r\n" pair counts as one line end, and
// the "\r" belongs to the line it ends.
func NewLines(text string) *Lines {
	lines := &Lines{starts: []int{0}}
	offset := 0
	for _, r := range text {
		offset++
		if r == '\n' {
			lines.starts = append(lines.starts, offset)
		}
	}
	lines.length = offset
	return lines
}

// Position returns line:col for a character offset; offsets past the end clamp to the end.
func (l *Lines) Position(offset int) Position {
	if offset < 0 {
		offset = 0
	}
	if offset > l.length {
		offset = l.length
	}
	line := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > offset }) - 1
	return Position{Line: line + 1, Col: offset - l.starts[line] + 1}
}

// Offset returns the character offset of line:col, or -1 when the line does not exist.
func (l *Lines) Offset(p Position) int {
	if p.Line < 1 || p.Line > len(l.starts) {
		return -1
	}
	return l.starts[p.Line-1] + p.Col - 1
}

// Error is a problem at a position in a file: a YAML or expr error in a rule pack, a bad byte
// in an article, a file that cannot be read. Line and Col are 1-based and 0 when unknown.
type Error struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
	// Snippet is the offending source line; the caret goes under Col.
	Snippet string `json:"snippet,omitempty"`
	// Warning marks a problem that lost nothing (a replaced byte): it is reported but does
	// not change the exit code.
	Warning bool `json:"warning,omitempty"`
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	}
	b.WriteString(": ")
	b.WriteString(e.Message)
	return b.String()
}

// Format renders the error compiler-style with the snippet and a caret under the column.
func (e *Error) Format() string {
	if e.Snippet == "" || e.Col < 1 {
		return e.Error()
	}
	return e.Error() + "\n" + Caret(e.Snippet, e.Col)
}

// Caret renders a source line and a caret under the 1-based character column. Tabs in the
// prefix are kept so that the caret lines up in a terminal.
func Caret(line string, col int) string {
	line = strings.TrimRight(line, "\r\n")
	var pad strings.Builder
	i := 1
	for _, r := range line {
		if i >= col {
			break
		}
		if r == '\t' {
			pad.WriteRune('\t')
		} else {
			pad.WriteRune(' ')
		}
		i++
	}
	return "  " + line + "\n  " + pad.String() + "^"
}

// LineText returns the text of the 1-based line, without its line end.
func LineText(text string, line int) string {
	for i := 1; i < line; i++ {
		nl := strings.IndexByte(text, '\n')
		if nl < 0 {
			return ""
		}
		text = text[nl+1:]
	}
	if nl := strings.IndexByte(text, '\n'); nl >= 0 {
		text = text[:nl]
	}
	return strings.TrimRight(text, "\r")
}

// At builds an Error for a position in text, filling the snippet from the text.
func At(file, text string, pos Position, format string, args ...any) *Error {
	return &Error{File: file, Line: pos.Line, Col: pos.Col, Message: fmt.Sprintf(format, args...), Snippet: LineText(text, pos.Line)}
}

// RuneCount is utf8.RuneCountInString, named for the offset arithmetic it serves.
func RuneCount(s string) int { return utf8.RuneCountInString(s) }

// ErrorList collects positioned errors; it is an error itself when non-empty.
type ErrorList []*Error

func (l ErrorList) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Sort orders errors by file, line, column and message, for deterministic reports.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Message < b.Message
	})
}
