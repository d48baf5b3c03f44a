package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/claimcheck/claimcheck/checker/config"
)

func newInitCommand(s *streams) *cobra.Command {
	var force bool
	c := &cobra.Command{
		Use:   "init",
		Short: "Write a commented " + config.FileName + " in the working directory",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			dir, err := s.workingDir()
			if err != nil {
				return err
			}
			path := filepath.Join(dir, config.FileName)
			if _, err := os.Stat(path); err == nil && !force {
				return &exitError{code: 2, message: fmt.Sprintf("%s already exists (--force overwrites it)", config.FileName)}
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return &exitError{code: 2, message: fmt.Sprintf("look for %s: %v", path, err)}
			}
			if err := os.WriteFile(path, []byte(config.Template), 0o644); err != nil {
				return &exitError{code: 2, message: fmt.Sprintf("write %s: %v", path, err)}
			}
			if !s.quiet {
				fmt.Fprintf(s.err, "claimcheck: wrote %s; edit it, then run \"claimcheck check\"\n", config.FileName)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&force, "force", false, "overwrite an existing "+config.FileName)
	return c
}
