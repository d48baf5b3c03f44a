package rules

import (
	"sort"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
)

// The engine reads two facts off the conditions' syntax, so that archive-scale runs stay
// linear without the rule author declaring anything:
//   - PartitionFields: the `when` conjuncts that require a and b to agree on a field
//     (a.rate == b.rate, a.unit == b.unit, samePeriod(a, b)); candidates that disagree there
//     can never pass, so the engine groups candidates by those fields before pairing them.
//   - ReadFields: every claim field a condition reads; claims that agree on all of them
//     are indistinguishable to the checks and are folded into one figure.

// PeriodField names the samePeriod(a, b) partition: explicit period, else article date,
// else article.
const PeriodField = "period"

// PartitionFields lists the fields on which a pair check's when condition requires a and b
// to be equal, sorted. Only top-level && conjuncts count: an equality under || or ! does not
// partition.
func (c *Check) PartitionFields() []string {
	if c.When == "" {
		return nil
	}
	tree, err := parser.Parse(c.When)
	if err != nil {
		return nil
	}
	fields := map[string]bool{}
	var conjuncts func(n ast.Node)
	conjuncts = func(n ast.Node) {
		switch node := n.(type) {
		case *ast.BinaryNode:
			switch node.Operator {
			case "&&", "and":
				conjuncts(node.Left)
				conjuncts(node.Right)
			case "==":
				left, leftOwner := claimField(node.Left)
				right, rightOwner := claimField(node.Right)
				if left != "" && left == right && leftOwner != rightOwner {
					fields[left] = true
				}
			}
		case *ast.CallNode:
			if callee, ok := node.Callee.(*ast.IdentifierNode); ok && callee.Value == "samePeriod" && len(node.Arguments) == 2 {
				first, _ := node.Arguments[0].(*ast.IdentifierNode)
				second, _ := node.Arguments[1].(*ast.IdentifierNode)
				if first != nil && second != nil && first.Value != second.Value && isPairName(first.Value) && isPairName(second.Value) {
					fields[PeriodField] = true
				}
			}
		}
	}
	conjuncts(tree.Node)
	return sortedSet(fields)
}

// claimField recognises a.field or b.field and returns the field and whose it is.
func claimField(n ast.Node) (field, owner string) {
	member, ok := n.(*ast.MemberNode)
	if !ok {
		return "", ""
	}
	ident, ok := member.Node.(*ast.IdentifierNode)
	if !ok || !isPairName(ident.Value) {
		return "", ""
	}
	property, ok := member.Property.(*ast.StringNode)
	if !ok {
		return "", ""
	}
	return property.Value, ident.Value
}

func isPairName(name string) bool { return name == "a" || name == "b" }

// ReadFields lists every property name the usable checks' conditions read (a.article,
// #.outlet…), sorted; it over-approximates, which only folds less.
func (p *Pack) ReadFields() []string {
	fields := map[string]bool{}
	collect := func(source string) {
		if source == "" {
			return
		}
		tree, err := parser.Parse(source)
		if err != nil {
			return
		}
		ast.Walk(&tree.Node, visitor(func(n *ast.Node) {
			if member, ok := (*n).(*ast.MemberNode); ok {
				if property, ok := member.Property.(*ast.StringNode); ok {
					fields[property.Value] = true
				}
			}
		}))
	}
	for _, c := range p.Checks {
		if !c.Usable() {
			continue
		}
		collect(c.When)
		collect(c.Violation)
		switch c.Candidates {
		case SameArticle:
			fields["article"] = true
		case SameSentence:
			fields["article"], fields["sentence_start"] = true, true
		}
	}
	return sortedSet(fields)
}

type visitor func(*ast.Node)

func (v visitor) Visit(n *ast.Node) { v(n) }

func sortedSet(set map[string]bool) []string {
	if len(set) == 0 {
		return nil
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Per-claim filters: the when conjuncts that read only a (or only b) are compiled on their
// own, so that the engine drops a figure from a check's candidates once instead of pairing
// it with every other figure and failing each pair.

// compileFilters compiles the a-only and b-only conjuncts of when.
func (c *Check) compileFilters(options []expr.Option) {
	if c.When == "" {
		return
	}
	tree, err := parser.Parse(c.When)
	if err != nil {
		return
	}
	var onlyA, onlyB []string
	var conjuncts func(n ast.Node)
	conjuncts = func(n ast.Node) {
		if binary, ok := n.(*ast.BinaryNode); ok && (binary.Operator == "&&" || binary.Operator == "and") {
			conjuncts(binary.Left)
			conjuncts(binary.Right)
			return
		}
		refs := map[string]bool{}
		ast.Walk(&n, visitor(func(node *ast.Node) {
			if ident, ok := (*node).(*ast.IdentifierNode); ok {
				switch ident.Value {
				case "a", "b", "whole", "parts":
					refs[ident.Value] = true
				}
			}
		}))
		switch {
		case len(refs) == 1 && refs["a"]:
			onlyA = append(onlyA, "("+n.String()+")")
		case len(refs) == 1 && refs["b"]:
			onlyB = append(onlyB, "("+n.String()+")")
		}
	}
	conjuncts(tree.Node)
	compile := func(parts []string) *vm.Program {
		if len(parts) == 0 {
			return nil
		}
		program, err := expr.Compile(strings.Join(parts, " && "), append(options, expr.AsBool())...)
		if err != nil {
			return nil // the whole condition still decides; the filter is only a shortcut
		}
		return program
	}
	c.filterA, c.filterB = compile(onlyA), compile(onlyB)
}

// FilterA reports whether a claim, as a, can pass the when condition; FilterB likewise as b.
// Both are true when the condition says nothing about one claim alone.
func (c *Check) FilterA(env *Env) (bool, error) { return runFilter(c.filterA, env) }

// FilterB: see FilterA.
func (c *Check) FilterB(env *Env) (bool, error) { return runFilter(c.filterB, env) }

// HasFilters reports whether FilterA or FilterB can ever be false.
func (c *Check) HasFilters() bool { return c.filterA != nil || c.filterB != nil }

func runFilter(program *vm.Program, env *Env) (bool, error) {
	if program == nil {
		return true, nil
	}
	return runBool(program, env)
}
