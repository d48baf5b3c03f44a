package main

import (
	"fmt"
	"log"
	"net"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/claimcheck/claimcheck/checker"
	"github.com/claimcheck/claimcheck/checker/server"
)

func newServeCommand(s *streams) *cobra.Command {
	var rules rulesFlag
	var addr string
	var maxBytes int64
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
			_, paths, err := s.settle(c, &rules, paths)
			if err != nil {
				return err
			}
			bar := s.newProgress()
			ch, err := newChecker(s, &rules, checker.WithProgress(bar.report))
			if err != nil {
				return err
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
			listener, err := net.Listen("tcp", addr)
			if err != nil {
				return &exitError{code: 2, message: fmt.Sprintf("listen on %s: %v", addr, err)}
			}
			options := []server.Option{server.WithMaxBytes(maxBytes), server.WithArchiveSize(len(archive.Articles))}
			if s.verbose {
				options = append(options, server.WithLog(log.New(s.err, "claimcheck: ", log.LstdFlags)))
			}
			srv := server.New(ch, server.Static(archive), options...)
			if !s.quiet {
				fmt.Fprintf(s.err, "claimcheck: serving http://%s/ (%d archive articles, %d claims; packs %s); Ctrl-C stops\n",
					listener.Addr(), len(archive.Articles), countClaims(archive), ch.Pack().Version)
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
		},
	}
	rules.add(c)
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	c.Flags().Int64Var(&maxBytes, "max-bytes", server.DefaultMaxBytes, "largest request body accepted, in bytes (larger: 413)")
	return c
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
