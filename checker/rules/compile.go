package rules

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/claimcheck/claimcheck/checker/interval"
	"github.com/claimcheck/claimcheck/checker/source"
	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/vm"
	"go.yaml.in/yaml/v4"
)

// maxNodes bounds the size of one condition: rule conditions are a line or two.
const maxNodes = 5000

// memoryBudget bounds what one evaluation may allocate (a condition that builds a huge range
// fails with an error naming the check instead of exhausting memory).
const memoryBudget = 100_000

// exprSite is where an expression stands in its YAML file.
type exprSite struct {
	reader *reader
	node   *yaml.Node
}

// positionOf shifts a position inside the expression to the YAML file. Plain and quoted
// scalars start at the node; block scalars (| and >) start on the next line, indented.
func (s exprSite) positionOf(line, column int) source.Position {
	n := s.node
	switch n.Style {
	case yaml.LiteralStyle, yaml.FoldedStyle:
		fileLine := n.Line + line
		indent := 0
		for _, c := range source.LineText(s.reader.Text, fileLine) {
			if c != ' ' {
				break
			}
			indent++
		}
		return source.Position{Line: fileLine, Col: indent + column + 1}
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		return source.Position{Line: n.Line + line - 1, Col: n.Column + column + 1}
	}
	return source.Position{Line: n.Line + line - 1, Col: n.Column + column}
}

func (s exprSite) fail(err error, what string) {
	var exprError *file.Error
	pos := source.Position{Line: s.node.Line, Col: s.node.Column}
	message := err.Error()
	if errors.As(err, &exprError) {
		pos = s.positionOf(exprError.Line, exprError.Column)
		message = exprError.Message
	}
	s.reader.ErrorAt(pos, "%s: %s", what, message)
}

func (p *Pack) compile(errs *source.ErrorList) {
	options := append([]expr.Option{expr.Env(Env{}), expr.MaxNodes(maxNodes)}, p.functions()...)
	for _, c := range p.Checks {
		if c.Tolerance < 0 {
			c.Tolerance = p.Settings.Tolerance
		}
		sites := c.compileSites
		if c.When != "" {
			c.when = compileCondition(c.When, sites[0], "check "+c.ID+": when", options)
			if c.when != nil {
				c.compileFilters(options)
			}
		}
		if c.Violation != "" {
			c.violation = compileCondition(c.Violation, sites[1], "check "+c.ID+": violation", options)
		}
		if c.Message != "" {
			c.message = compileTemplate(c.Message, sites[2], "check "+c.ID+": message", options)
		}
		if c.Explain != "" {
			c.explain = compileTemplate(c.Explain, sites[3], "check "+c.ID+": explain", options)
		}
	}
}

func compileCondition(source string, site exprSite, what string, options []expr.Option) *vm.Program {
	program, err := expr.Compile(source, append(options, expr.AsBool())...)
	if err != nil {
		site.fail(err, what+" (expected a true/false condition)")
		return nil
	}
	return program
}

// Template is text with {{ expr }} parts, each compiled when the pack loads.
type Template struct {
	literals []string
	programs []*vm.Program
}

func compileTemplate(text string, site exprSite, what string, options []expr.Option) *Template {
	t := &Template{}
	rest := text
	offset := 0 // character offset of rest within text, for positions
	for {
		open := strings.Index(rest, "{{")
		if open < 0 {
			t.literals = append(t.literals, rest)
			return t
		}
		closing := strings.Index(rest[open:], "}}")
		if closing < 0 {
			site.fail(fmt.Errorf("{{ without a closing }}"), what)
			return nil
		}
		t.literals = append(t.literals, rest[:open])
		inner := rest[open+2 : open+closing]
		program, err := expr.Compile(inner, append(options, expr.AsAny())...)
		if err != nil {
			var exprError *file.Error
			if errors.As(err, &exprError) {
				// Shift the column by where the part starts within the template.
				before := text[:offset+open+2]
				line := strings.Count(before, "\n")
				column := source.RuneCount(before[strings.LastIndex(before, "\n")+1:])
				if exprError.Line > 1 {
					column = 0
				}
				exprError.Line += line
				exprError.Column += column
			}
			site.fail(err, what)
			return nil
		}
		t.programs = append(t.programs, program)
		offset += open + closing + 2
		rest = rest[open+closing+2:]
	}
}

// Render evaluates the parts against env and writes values the way an editor reads them.
func (t *Template) Render(env *Env) (string, error) {
	var b strings.Builder
	for i, literal := range t.literals {
		b.WriteString(literal)
		if i >= len(t.programs) {
			continue
		}
		value, err := run(t.programs[i], env)
		if err != nil {
			return "", err
		}
		b.WriteString(formatValue(value))
	}
	return b.String(), nil
}

func formatValue(value any) string {
	switch v := value.(type) {
	case string:
		return v
	case float64:
		return interval.FormatNumber(v)
	case int:
		return interval.FormatNumber(float64(v))
	case interval.Interval:
		return v.Describe()
	case time.Time:
		if v.IsZero() {
			return "an unknown date"
		}
		return v.Format("2 January 2006")
	case nil:
		return ""
	}
	if rv := reflect.ValueOf(value); rv.Kind() == reflect.Slice {
		parts := make([]string, rv.Len())
		for i := range parts {
			parts[i] = formatValue(rv.Index(i).Interface())
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(value)
}

func run(program *vm.Program, env *Env) (any, error) {
	if env.machine == nil {
		env.machine = &vm.VM{MemoryBudget: memoryBudget}
	}
	return env.machine.Run(program, env)
}

// Applies evaluates the check's when condition (true when it has none).
func (c *Check) Applies(env *Env) (bool, error) {
	if c.when == nil {
		return true, nil
	}
	return runBool(c.when, env)
}

// Violated evaluates the check's violation condition.
func (c *Check) Violated(env *Env) (bool, error) {
	if c.violation == nil {
		return false, fmt.Errorf("check %s has no compiled violation condition", c.ID)
	}
	return runBool(c.violation, env)
}

func runBool(program *vm.Program, env *Env) (bool, error) {
	value, err := run(program, env)
	if err != nil {
		return false, err
	}
	result, _ := value.(bool)
	return result, nil
}

// RenderMessage fills the message template.
func (c *Check) RenderMessage(env *Env) (string, error) {
	if c.message == nil {
		return c.ID, nil
	}
	return c.message.Render(env)
}

// RenderExplanation fills the explain template ("" when the check has none).
func (c *Check) RenderExplanation(env *Env) (string, error) {
	if c.explain == nil {
		return "", nil
	}
	return c.explain.Render(env)
}

// Usable reports whether the check compiled and is switched on.
func (c *Check) Usable() bool { return c.Enabled && c.violation != nil }
