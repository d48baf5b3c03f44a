package rules

import (
	"github.com/claimcheck/claimcheck/checker/yamlnode"
	"go.yaml.in/yaml/v4"
)

// reader walks the YAML nodes of one pack file; yamlnode.Reader records positioned errors,
// so that one pass reports every mistake in the file rather than the first.
type reader struct{ *yamlnode.Reader }

// perLanguage reads {ar: [...], en: [...]}; a language code is two or three letters.
func (r *reader) perLanguage(n *yaml.Node, key string) map[string][]string {
	out := map[string][]string{}
	if n.Kind != yaml.MappingNode {
		r.Errorf(n, "%s: expected a mapping of language code to list (ar: [...], en: [...]), found %s", key, yamlnode.Describe(n))
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		language := n.Content[i].Value
		if !validLanguage(language) {
			r.Errorf(n.Content[i], "%s: %q is not a language code (expected ar, en, fr…)", key, language)
			continue
		}
		out[language] = append(out[language], r.Strings(n.Content[i+1], key+"."+language, "strings")...)
	}
	return out
}

func (r *reader) labels(n *yaml.Node, key string) map[string]string {
	out := map[string]string{}
	if n.Kind == yaml.ScalarNode {
		out["en"] = n.Value
		return out
	}
	if n.Kind != yaml.MappingNode {
		r.Errorf(n, "%s: expected a string or a mapping of language code to string, found %s", key, yamlnode.Describe(n))
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		language := n.Content[i].Value
		if !validLanguage(language) {
			r.Errorf(n.Content[i], "%s: %q is not a language code (expected ar, en, fr…)", key, language)
			continue
		}
		out[language] = r.String(n.Content[i+1], key+"."+language)
	}
	return out
}

func validLanguage(code string) bool {
	if len(code) < 2 || len(code) > 3 {
		return false
	}
	for _, c := range code {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// validID accepts snake_case identifiers, which is what conditions and reports refer to.
func validID(id string) bool {
	if id == "" {
		return false
	}
	for i, c := range id {
		switch {
		case c >= 'a' && c <= 'z', c == '_':
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}
