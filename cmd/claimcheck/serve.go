package main

import (
	"context"
	"fmt"
	"log"
	"net"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/index"
	"github.com/claimcheck/claimcheck/checker/server"
)

func newServeCommand(s *streams) *cobra.Command {
	var rules rulesFlag
	var addr string
	var maxBytes int64
	var indexDSN string
	var rebuild bool
	var cacheClaims int
	c := &cobra.Command{
		Use:   "serve [PATH...]",
		Short: "Serve draft checks over HTTP: POST /v1/check, GET /healthz, and an editor's page at /",
		Long: `Reads the archive (PATHs, default the configuration's corpus, else ./seeds) and the rule packs
once, then answers draft checks until SIGINT or SIGTERM, finishing the requests under way.

  POST /v1/check   the draft as text/plain (?date=YYYY-MM-DD&outlet=…), or application/json
                   {"text": "…", "date": "…", "outlet": "…", "language": "ar|en"};
                   answers the JSON contract of "check --format json" with the findings that
                   involve the draft; errors are {"error": "…"} with 400, 413 or 415
  GET  /healthz    {"status": "ok", …}
  GET  /           a page to paste a draft and see its numbers and conflicts

It listens on 127.0.0.1 unless --addr says otherwise: there is no authentication.`,
		RunE: func(c *cobra.Command, paths []string) error {
			explicit := len(paths) > 0
			project, paths, err := s.settle(c, &rules, paths)
			if err != nil {
				return err
			}
			indexDSN = s.indexDSN(c, project, indexDSN)
			bar := s.newProgress()
			ch, err := newChecker(s, &rules, checker.WithProgress(bar.report))
			if err != nil {
				return err
			}
			if indexDSN != "" {
				bar.wait()
				if explicit {
					return &exitError{code: 2, message: "serve --index serves the index: give no PATH (index them with claimcheck index add)"}
				}
				return s.serveIndex(c, ch, indexDSN, rebuild, cacheClaims, addr, maxBytes)
			}
			archive, err := ch.Extract(c.Context(), paths)
			bar.wait()
			if err != nil {
				return &exitError{code: 2, message: err.Error()}
			}
			lost := 0
			for _, e := range archive.Errors {
				fmt.Fprintln(s.err, e.Format())
				if !e.Warning {
					lost++
				}
			}
			if lost > 0 {
				return &exitError{code: 2, message: fmt.Sprintf("%d archive articles could not be read; not serving an incomplete archive", lost)}
			}
			description := fmt.Sprintf("%d archive articles, %d claims", len(archive.Articles), countClaims(archive))
			return s.serve(c, ch, server.Static(ch, archive), len(archive.Articles), description, addr, maxBytes)
		},
	}
	rules.add(c)
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	c.Flags().Int64Var(&maxBytes, "max-bytes", server.DefaultMaxBytes, "largest request body accepted, in bytes (larger: 413)")
	c.Flags().StringVar(&indexDSN, "index", "", indexFlagHelp+" (default: the configuration's index, else none): drafts are checked against the index's candidates instead of PATHs read at start")
	c.Flags().BoolVar(&rebuild, "rebuild", false, "with --index: re-extract the index first when the rule packs changed")
	c.Flags().IntVar(&cacheClaims, "cache-claims", index.DefaultCacheClaims, "with --index: decoded claims kept in memory across requests, by metric and subject, dropped when the index changes (0: no cache)")
	return c
}

// serveIndex serves drafts against a claim index, opened once and shared by every request.
func (s *streams) serveIndex(c *cobra.Command, ch *checker.Checker, dsn string, rebuild bool, cacheClaims int, addr string, maxBytes int64) error {
	if cacheClaims < 0 {
		return &exitError{code: 2, message: fmt.Sprintf("--cache-claims %d: expected 0 (no cache) or more", cacheClaims)}
	}
	opened, err := openIndex(c.Context(), dsn)
	if err != nil {
		return err
	}
	defer opened.Close()
	// Drafts about the same subjects share the decoded candidates; a write to the index,
	// by any process, empties the cache at the next request.
	store := opened
	if cacheClaims > 0 {
		store = index.NewCache(opened, cacheClaims)
	}
	if err := prepareIndex(c.Context(), s, ch, store, rebuild); err != nil {
		return err
	}
	status, err := store.Status(c.Context())
	if err != nil {
		return indexFailure(err)
	}
	archive := server.Indexed(ch, store)
	description := fmt.Sprintf("index %s: %d articles, %d claims", dsn, status.Articles, status.Claims)
	// /healthz reads the index's generation: one small query that fails when the database
	// is gone.
	probe := server.WithProbe(func(ctx context.Context) error {
		_, err := store.Generation(ctx)
		return err
	})
	return s.serve(c, ch, archive, status.Articles, description, addr, maxBytes, probe)
}

// serve listens on addr and answers drafts until SIGINT or SIGTERM, finishing the requests
// under way.
func (s *streams) serve(c *cobra.Command, ch *checker.Checker, archive server.Archive, articles int, description, addr string, maxBytes int64, extra ...server.Option) error {
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		return &exitError{code: 2, message: fmt.Sprintf("listen on %s: %v", addr, err)}
	}
	options := append([]server.Option{server.WithMaxBytes(maxBytes), server.WithArchiveSize(articles)}, extra...)
	if s.verbose {
		options = append(options, server.WithLog(log.New(s.err, "claimcheck: ", log.LstdFlags)))
	}
	srv := server.New(ch, archive, options...)
	if !s.quiet {
		fmt.Fprintf(s.err, "claimcheck: serving http://%s/ (%s; packs %s); Ctrl-C stops\n", listener.Addr(), description, ch.Pack().Version)
	}
	ctx, stop := signal.NotifyContext(c.Context(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := srv.Serve(ctx, listener); err != nil {
		return &exitError{code: 2, message: err.Error()}
	}
	if !s.quiet {
		fmt.Fprintln(s.err, "claimcheck: stopped")
	}
	return nil
}

func countClaims(extraction *checker.Extraction) int {
	n := 0
	for _, m := range extraction.Mentions {
		if m.IsClaim {
			n++
		}
	}
	return n
}
