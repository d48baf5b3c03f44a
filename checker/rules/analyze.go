package rules

import (
	"sort"
	"strings"

	"github.com/claimcheck/claimcheck/checker/claim"
	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
)

// The engine reads three facts off the conditions' syntax, so that archive-scale runs stay
// linear without the rule author declaring anything:
//   - PartitionFields: the `when` conjuncts that require a and b to agree on a field
//     (a.rate == b.rate, a.unit == b.unit, samePeriod(a, b)); candidates that disagree there
//     can never pass, so the engine groups candidates by those fields before pairing them.
//   - ReadFields: every claim field a check's conditions read; claims that agree on all of
//     them are indistinguishable to that check and are evaluated once.
//   - Filters: the when conjuncts about a alone or b alone, compiled apart (the simplest to
//     Go) and run once per figure to drop figures before pairing.

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

// ReadFields lists every property name the check's conditions read (a.article,
// #.outlet…), sorted, plus article and sentence_start for checks over one article or
// sentence; it over-approximates, which only folds less.
func (c *Check) ReadFields() []string {
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
	collect(c.When)
	collect(c.Violation)
	switch c.Candidates {
	case SameArticle:
		fields["article"] = true
	case SameSentence:
		fields["article"], fields["sentence_start"] = true, true
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
	var onlyA, onlyB, valueA, valueB, mirrorA, textsB []string
	var conjuncts func(n ast.Node)
	conjuncts = func(n ast.Node) {
		if binary, ok := n.(*ast.BinaryNode); ok && (binary.Operator == "&&" || binary.Operator == "and") {
			conjuncts(binary.Left)
			conjuncts(binary.Right)
			return
		}
		refs := map[string]bool{}
		readsContext := false
		ast.Walk(&n, visitor(func(node *ast.Node) {
			switch x := (*node).(type) {
			case *ast.IdentifierNode:
				switch x.Value {
				case "a", "b", "whole", "parts":
					refs[x.Value] = true
				}
			case *ast.MemberNode:
				if property, ok := x.Property.(*ast.StringNode); ok && !valueProperties[property.Value] {
					readsContext = true
				}
			}
		}))
		text := "(" + n.String() + ")"
		switch {
		case len(refs) == 1 && refs["a"]:
			mirrorA = append(mirrorA, renamed(n, "a", "b"))
			if test := fastTest(n, "a"); test != nil {
				c.fastA = append(c.fastA, test)
				break
			}
			onlyA = append(onlyA, text)
			if !readsContext {
				valueA = append(valueA, text)
			}
		case len(refs) == 1 && refs["b"]:
			textsB = append(textsB, text)
			if test := fastTest(n, "b"); test != nil {
				c.fastB = append(c.fastB, test)
				break
			}
			onlyB = append(onlyB, text)
			if !readsContext {
				valueB = append(valueB, text)
			}
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
	c.valueFilterA, c.valueFilterB = compile(valueA), compile(valueB)
	sort.Strings(mirrorA)
	sort.Strings(textsB)
	c.symmetric = strings.Join(mirrorA, "\x00") == strings.Join(textsB, "\x00")
}

// renamed prints n with identifier from read as to: a's conjuncts as they would read of b.
func renamed(n ast.Node, from, to string) string {
	var changed []*ast.IdentifierNode
	ast.Walk(&n, visitor(func(node *ast.Node) {
		if ident, ok := (*node).(*ast.IdentifierNode); ok && ident.Value == from {
			ident.Value = to
			changed = append(changed, ident)
		}
	}))
	text := "(" + n.String() + ")"
	for _, ident := range changed {
		ident.Value = from
	}
	return text
}

// Symmetric reports whether the b-only conjuncts say of b exactly what the a-only ones say of
// a, so that a claim passes FilterB exactly when it passes FilterA.
func (c *Check) Symmetric() bool { return c.symmetric }

// valueProperties are the claim properties that say what a figure states (as opposed to
// where it was read: article, sentence, outlet…).
var valueProperties = map[string]bool{
	"metric": true, "subject": true, "value": true, "interval": true, "low": true, "high": true,
	"low_open": true, "high_open": true, "qualifier": true, "unit": true, "rate": true,
	"period": true, "from": true, "to": true, "as_of": true, "whole": true, "is_claim": true,
}

// ValueFilter reports whether a claim can pass the when condition as a or as b, judging
// only by the conjuncts that read what it states (not where it was read), so that every
// claim of a figure gets the same answer.
func (c *Check) ValueFilter(env *Env) bool {
	env.B = env.A
	if allTrue(c.fastA, env.A) {
		if ok, err := runFilter(c.valueFilterA, env); err != nil || ok {
			return true
		}
	}
	if allTrue(c.fastB, env.A) {
		if ok, err := runFilter(c.valueFilterB, env); err != nil || ok {
			return true
		}
	}
	return false
}

// FilterA reports whether a claim, as a, can pass the when condition; FilterB likewise as b.
// Both are true when the condition says nothing about one claim alone.
func (c *Check) FilterA(env *Env) (bool, error) {
	if !allTrue(c.fastA, env.A) {
		return false, nil
	}
	return runFilter(c.filterA, env)
}

// FilterB: see FilterA.
func (c *Check) FilterB(env *Env) (bool, error) {
	if !allTrue(c.fastB, env.B) {
		return false, nil
	}
	return runFilter(c.filterB, env)
}

// HasFilters reports whether FilterA or FilterB can ever be false.
func (c *Check) HasFilters() bool {
	return c.filterA != nil || c.filterB != nil || len(c.fastA) > 0 || len(c.fastB) > 0
}

// HasValueFilter reports whether ValueFilter can ever be false.
func (c *Check) HasValueFilter() bool {
	return c.valueFilterA != nil || c.valueFilterB != nil || len(c.fastA) > 0 || len(c.fastB) > 0
}

func allTrue(tests []func(*claim.Claim) bool, c *claim.Claim) bool {
	for _, test := range tests {
		if !test(c) {
			return false
		}
	}
	return true
}

// stringFields are the claim fields fastTest reads without expr.
var stringFields = map[string]func(*claim.Claim) string{
	"metric":    func(c *claim.Claim) string { return c.Metric },
	"subject":   func(c *claim.Claim) string { return c.Subject },
	"rate":      func(c *claim.Claim) string { return c.Rate },
	"unit":      func(c *claim.Claim) string { return c.Unit },
	"qualifier": func(c *claim.Claim) string { return c.Qualifier },
}

// fastTest compiles the simplest conjuncts (owner.field == "text", !=, in [...], and !, &&,
// || of those) to Go, which the engine runs on every figure; nil when the conjunct is
// anything else. Semantics are expr's: string equality.
func fastTest(n ast.Node, owner string) func(*claim.Claim) bool {
	switch node := n.(type) {
	case *ast.UnaryNode:
		if node.Operator == "!" || node.Operator == "not" {
			if inner := fastTest(node.Node, owner); inner != nil {
				return func(c *claim.Claim) bool { return !inner(c) }
			}
		}
	case *ast.BinaryNode:
		switch node.Operator {
		case "&&", "and", "||", "or":
			left, right := fastTest(node.Left, owner), fastTest(node.Right, owner)
			if left == nil || right == nil {
				return nil
			}
			if node.Operator == "&&" || node.Operator == "and" {
				return func(c *claim.Claim) bool { return left(c) && right(c) }
			}
			return func(c *claim.Claim) bool { return left(c) || right(c) }
		case "==", "!=":
			get, literal := fieldAndString(node.Left, node.Right, owner)
			if get == nil {
				get, literal = fieldAndString(node.Right, node.Left, owner)
			}
			if get == nil {
				return nil
			}
			if node.Operator == "==" {
				return func(c *claim.Claim) bool { return get(c) == literal }
			}
			return func(c *claim.Claim) bool { return get(c) != literal }
		case "in":
			get := fieldOf(node.Left, owner)
			array, ok := node.Right.(*ast.ArrayNode)
			if get == nil || !ok {
				return nil
			}
			set := map[string]bool{}
			for _, item := range array.Nodes {
				text, ok := item.(*ast.StringNode)
				if !ok {
					return nil
				}
				set[text.Value] = true
			}
			return func(c *claim.Claim) bool { return set[get(c)] }
		}
	}
	return nil
}

func fieldAndString(field, literal ast.Node, owner string) (func(*claim.Claim) string, string) {
	get := fieldOf(field, owner)
	text, ok := literal.(*ast.StringNode)
	if get == nil || !ok {
		return nil, ""
	}
	return get, text.Value
}

func fieldOf(n ast.Node, owner string) func(*claim.Claim) string {
	field, who := claimField(n)
	if who != owner {
		return nil
	}
	return stringFields[field]
}

func runFilter(program *vm.Program, env *Env) (bool, error) {
	if program == nil {
		return true, nil
	}
	return runBool(program, env)
}
