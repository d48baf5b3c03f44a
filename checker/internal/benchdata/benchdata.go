// Package benchdata builds the generated corpora and claim indexes the benchmarks share, and
// keeps them between runs: a 100,000-article archive takes minutes to write and index, and
// the index benchmarks and the draft server's measure the same one. Only benchmarks use it.
package benchdata

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/corpusgen"
	"github.com/claimcheck/claimcheck/checker/index"
)

// Version names kept corpora and indexes: the generator writes its sentences from the pack's
// lexicons, so a corpus kept from another pack would not match a draft written now.
func Version(c *checker.Checker) string { return corpusgen.Version + "p" + c.Pack().Version[:8] }

// Corpus generates n articles into dir/NAME-N-vVERSION once and keeps them (a "complete"
// marker says so); it returns the folder and the article paths.
func Corpus(dir string, c *checker.Checker, name string, n int) (string, []string, error) {
	folder := filepath.Join(dir, fmt.Sprintf("%s-%d-v%s", name, n, Version(c)))
	paths := make([]string, n)
	for i := range n {
		paths[i] = filepath.Join(folder, corpusgen.Name(i))
	}
	if _, err := os.Stat(filepath.Join(folder, "complete")); err == nil {
		return folder, paths, nil
	}
	os.RemoveAll(folder)
	if _, err := corpusgen.New(c.Pack(), 1).Write(folder, 0, n); err != nil {
		return "", nil, err
	}
	return folder, paths, os.WriteFile(filepath.Join(folder, "complete"), nil, 0o644)
}

// Draft is the 1,000-word draft the benchmarks check against a generated archive.
func Draft(c *checker.Checker) string {
	return corpusgen.New(c.Pack(), 99, corpusgen.WithWords(1000, 1000)).Article(0).Text
}

// Fill indexes paths in chunks, so that memory stays bounded on large corpora.
func Fill(ctx context.Context, c *checker.Checker, store index.Store, paths []string) error {
	for start := 0; start < len(paths); start += 2000 {
		if _, _, err := c.IndexAdd(ctx, store, paths[start:min(start+2000, len(paths))]); err != nil {
			return err
		}
	}
	return nil
}

// EnsureIndex leaves the index at dsn holding paths, extracted with c's packs: when it holds
// anything else, reset empties the location and the paths are indexed again.
func EnsureIndex(ctx context.Context, c *checker.Checker, dsn string, paths []string, reset func() error) error {
	store, err := index.Open(ctx, dsn)
	if err != nil {
		return err
	}
	status, err := store.Status(ctx)
	if err == nil && status.Articles == len(paths) && c.VerifyIndex(ctx, store) == nil {
		return store.Close()
	}
	store.Close()
	if err := reset(); err != nil {
		return err
	}
	if store, err = index.Open(ctx, dsn); err != nil {
		return err
	}
	defer store.Close()
	return Fill(ctx, c, store, paths)
}

// SQLite is the kept SQLite index of a corpus: dir/NAMEnVERSION.db.
func SQLite(dir string, c *checker.Checker, name string, n int) string {
	return filepath.Join(dir, fmt.Sprintf("%s%dv%s.db", name, n, Version(c)))
}

// RemoveSQLite deletes an SQLite index with its journal files.
func RemoveSQLite(path string) error {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}
