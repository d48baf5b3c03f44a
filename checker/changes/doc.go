// Package changes asks git which files changed since a revision, so that a CI run reports
// only the findings that involve articles changed by a commit or a pull request while still
// checking them against the whole corpus.
package changes
