package index_test

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/claimcheck/claimcheck/checker/index"
	"github.com/claimcheck/claimcheck/checker/index/indextest"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// The child writer: the test binary run again with CLAIMCHECK_INDEX_CHILD set writes
// articles FIRST…LAST-1 of CLAIMS claims each, printing each path once it is committed, then
// exits. The parent kills it or waits for it.
func TestChildWriter(t *testing.T) {
	dsn := os.Getenv("CLAIMCHECK_INDEX_CHILD")
	if dsn == "" {
		return
	}
	first, _ := strconv.Atoi(os.Getenv("CLAIMCHECK_INDEX_FIRST"))
	last, _ := strconv.Atoi(os.Getenv("CLAIMCHECK_INDEX_LAST"))
	claims, _ := strconv.Atoi(os.Getenv("CLAIMCHECK_INDEX_CLAIMS"))
	store, err := index.Open(context.Background(), dsn)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(3)
	}
	for i := first; i < last; i++ {
		path := fmt.Sprintf("article-%04d.txt", i)
		if err := store.Put(context.Background(), article(path, "2018-01-01", "v1", claims)); err != nil {
			fmt.Println("error:", err)
			os.Exit(3)
		}
		fmt.Println("indexed", path)
	}
	store.Close()
	os.Exit(0)
}

func childWriter(dsn string, first, last, claims int) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildWriter$")
	cmd.Env = append(os.Environ(), "CLAIMCHECK_INDEX_CHILD="+dsn, fmt.Sprintf("CLAIMCHECK_INDEX_CLAIMS=%d", claims),
		fmt.Sprintf("CLAIMCHECK_INDEX_FIRST=%d", first), fmt.Sprintf("CLAIMCHECK_INDEX_LAST=%d", last))
	return cmd
}

// killWriterMidway starts a writer of many articles, kills it (SIGKILL) once it has
// committed some, and returns how many it had reported committed.
func killWriterMidway(dsn string) int {
	cmd := childWriter(dsn, 0, 100000, 300)
	out, err := cmd.StdoutPipe()
	Expect(err).NotTo(HaveOccurred())
	Expect(cmd.Start()).To(Succeed())
	lines := bufio.NewScanner(out)
	committed := 0
	for lines.Scan() {
		line := lines.Text()
		Expect(line).To(HavePrefix("indexed"), line)
		committed++
		if committed == 12 {
			// Killed while the next article's transaction is being written.
			Expect(cmd.Process.Kill()).To(Succeed())
			break
		}
	}
	cmd.Wait()
	Expect(committed).To(Equal(12))
	return committed
}

// addTogether runs writers at once, each adding the same articles 0…n-1.
func addTogether(dsn string, writers, n int) {
	var group sync.WaitGroup
	outputs := make([]string, writers)
	errs := make([]error, writers)
	for w := range writers {
		group.Add(1)
		go func() {
			defer group.Done()
			data, err := childWriter(dsn, 0, n, 20).CombinedOutput()
			outputs[w], errs[w] = string(data), err
		}()
	}
	group.Wait()
	for w := range writers {
		Expect(errs[w]).NotTo(HaveOccurred(), outputs[w])
		Expect(strings.Count(outputs[w], "indexed ")).To(Equal(n))
	}
}

var _ = Describe("Bad index locations", func() {
	ctx := context.Background()
	It("refuses a file that is not a database, and leaves it alone", func() {
		path := filepath.Join(GinkgoT().TempDir(), "notes.txt")
		Expect(os.WriteFile(path, []byte("meeting notes, not an index\n"), 0o644)).To(Succeed())
		_, err := index.Open(ctx, path)
		Expect(errors.Is(err, index.ErrNotIndex)).To(BeTrue())
		Expect(err.Error()).To(ContainSubstring(path + ": not a claimcheck index: the file is not an SQLite database"))
		data, _ := os.ReadFile(path)
		Expect(string(data)).To(Equal("meeting notes, not an index\n"))
	})
	It("refuses a damaged index file", func() {
		path := indextest.SQLiteDSN()
		store, err := index.Open(ctx, path)
		Expect(err).NotTo(HaveOccurred())
		Expect(store.Put(ctx, article("a.txt", "2018-01-01", "v1", 50))).To(Succeed())
		Expect(store.Close()).To(Succeed())
		data, err := os.ReadFile(path)
		Expect(err).NotTo(HaveOccurred())
		for i := 100; i < len(data); i++ {
			data[i] = 0xA5
		}
		Expect(os.WriteFile(path, data, 0o644)).To(Succeed())
		os.Remove(path + "-wal")
		store, err = index.Open(ctx, path)
		if err == nil {
			_, err = store.Status(ctx)
			store.Close()
		}
		Expect(err).To(HaveOccurred())
		Expect(errors.Is(err, index.ErrNotIndex)).To(BeTrue(), err.Error())
		Expect(err.Error()).To(ContainSubstring("damaged"))
	})
	It("refuses another program's SQLite database", func() {
		path := filepath.Join(GinkgoT().TempDir(), "other.db")
		db, err := sql.Open("sqlite", path)
		Expect(err).NotTo(HaveOccurred())
		_, err = db.Exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
		Expect(err).NotTo(HaveOccurred())
		db.Close()
		_, err = index.Open(ctx, path)
		Expect(errors.Is(err, index.ErrNotIndex)).To(BeTrue())
		Expect(err.Error()).To(ContainSubstring("the database holds other tables (invoices)"))
	})
	It("refuses an index made by a newer claimcheck", func() {
		path := indextest.SQLiteDSN()
		store, err := index.Open(ctx, path)
		Expect(err).NotTo(HaveOccurred())
		store.Close()
		db, err := sql.Open("sqlite", path)
		Expect(err).NotTo(HaveOccurred())
		_, err = db.Exec("UPDATE schema_version SET version = 99")
		Expect(err).NotTo(HaveOccurred())
		db.Close()
		_, err = index.Open(ctx, path)
		Expect(err).To(MatchError(ContainSubstring("schema version 99 is newer than this claimcheck reads")))
	})
	It("refuses a folder", func() {
		_, err := index.Open(ctx, GinkgoT().TempDir())
		Expect(errors.Is(err, index.ErrNotIndex)).To(BeTrue())
		Expect(err.Error()).To(ContainSubstring("it is a folder"))
	})
	It("says when the PostgreSQL server is not running", func() {
		_, err := index.Open(ctx, "postgres://claimcheck:secret@127.0.0.1:1/claimcheck?sslmode=disable&connect_timeout=5")
		Expect(err).To(MatchError(ContainSubstring("cannot reach the PostgreSQL server (is it running?)")))
		Expect(err.Error()).NotTo(ContainSubstring("secret"))
	})
	It("refuses a PostgreSQL schema that holds other tables", func() {
		dsn := indextest.PostgresDSN()
		db, err := sql.Open("pgx", dsn)
		Expect(err).NotTo(HaveOccurred())
		defer db.Close()
		_, err = db.Exec("CREATE TABLE invoices (id BIGINT)")
		Expect(err).NotTo(HaveOccurred())
		_, err = index.Open(ctx, dsn)
		Expect(errors.Is(err, index.ErrNotIndex)).To(BeTrue())
	})
	It("says so when the PostgreSQL server goes away mid-run", func() {
		dsn := indextest.PostgresDSN()
		store := open(dsn)
		Expect(store.Put(ctx, article("a.txt", "2018-01-01", "v1", 5))).To(Succeed())
		// Stopping the shared server would disturb other tests; the server ends every
		// connection of this test's schema instead, as a shutdown does.
		admin, err := sql.Open("pgx", indextest.PostgresServer())
		Expect(err).NotTo(HaveOccurred())
		defer admin.Close()
		var ended int
		Expect(admin.QueryRow("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1", indextest.ApplicationName(dsn)).Scan(&ended)).To(Succeed())
		Expect(ended).To(BeNumerically(">", 0))
		// database/sql may reconnect; either the write succeeds on a new connection or
		// it fails with words.
		err = store.Put(ctx, article("b.txt", "2018-01-01", "v1", 5))
		if err != nil {
			Expect(err.Error()).To(ContainSubstring("lost the PostgreSQL server"))
		}
		expectConsistent(open(dsn), 1)
	})
})
