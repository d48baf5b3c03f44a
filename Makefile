# claimcheck: `make run` checks the bundled seeds with the bundled rules; `make test` runs
# every test. Both need only Go.
GO ?= go

.PHONY: run test build bench bench-engine bench-extract bench-index bench-draft-index bench-server golden lint fuzz gold

build:
	$(GO) build -o claimcheck ./cmd/claimcheck

# Exit code 1 means "findings" (the seeds have some); only 2 and above is a failure here.
run: build
	./claimcheck check seeds --rules rules || [ $$? -eq 1 ]
	./claimcheck check seeds --rules rules --format html -o report.html || [ $$? -eq 1 ]
	@echo "HTML report: report.html"

test:
	$(GO) vet ./...
	$(GO) test ./...
	$(GO) run ./cmd/claimcheck rules test rules
	# The draft server shares one checker across requests: its suite runs under the race detector.
	$(GO) test -race ./checker/server

# Regenerate golden files after an intended change; review the diff before committing.
golden:
	$(GO) test ./checker/report/... -count=1 -update

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./checker/...
	# The 10,000-finding HTML page in Chromium: load and filter times (skips without chromium).
	CLAIMCHECK_BROWSER_BENCH=1 $(GO) test -count=1 -run TestReport -v ./checker/report -args -ginkgo.focus='10,000' -ginkgo.succinct
	# Draft server: 1,000-word drafts from 20 clients over loopback (p50/p99, req/s) against
	# the seeds, then 50 clients for 10 s, then against the 100,000-article index (bench-server).
	$(GO) test -run '^$$' -bench 'BenchmarkServer' -benchtime 3000x ./checker/server
	CLAIMCHECK_LOAD_SECONDS=10 $(GO) test -count=1 -v -run TestServer ./checker/server -ginkgo.focus 'concurrent load' -ginkgo.v
	$(MAKE) bench-server

# The draft server against a generated archive of CLAIMCHECK_BENCH_ARTICLES (100,000) in
# SQLite, built on first use (about 10 minutes on 2 cores) and kept in CLAIMCHECK_BENCH_DIR;
# then 20 different drafts, first reads into the cache included (README "Drafts, server and CI").
bench-server:
	CLAIMCHECK_BENCH_ARTICLES=$${CLAIMCHECK_BENCH_ARTICLES:-100000} $(GO) test -run '^$$' -bench 'BenchmarkServer' -benchtime 2000x -timeout 0 ./checker/server
	CLAIMCHECK_BENCH_ARTICLES=$${CLAIMCHECK_BENCH_ARTICLES:-100000} CLAIMCHECK_BENCH_DRAFTS=20 $(GO) test -run '^$$' -bench 'BenchmarkServer' -benchtime 1000x -timeout 0 ./checker/server

# The rule engine at scale alone (README "Rule engine at scale"): 10k, 100k and 1M generated
# claims; `make bench` runs it with the other benchmarks.
bench-engine:
	GOMAXPROCS=2 $(GO) test ./checker/engine -run '^$$' -bench Engine -benchtime 1x -benchmem

# A 1,000-word draft against an existing claim index through a warm cache, engine included
# (README "Rule engine at scale"); skips unless CLAIMCHECK_BENCH_INDEX names the index; drafts
# from CLAIMCHECK_BENCH_DRAFTS_DIR (*.txt) or 20 generated.
bench-draft-index:
	$(GO) test ./checker -run '^$$' -bench CheckAgainstIndexHeavy -benchtime 120x -benchmem

# Claim index benchmarks at full size (README, "Claim index"); `make bench` runs them small.
# PostgreSQL cases need CLAIMCHECK_TEST_POSTGRES; sizes: CLAIMCHECK_BENCH_ARTICLES, _RECHECK.
bench-index:
	CLAIMCHECK_BENCH_ARTICLES=$${CLAIMCHECK_BENCH_ARTICLES:-100000} CLAIMCHECK_BENCH_RECHECK=$${CLAIMCHECK_BENCH_RECHECK:-10000} \
		$(GO) test -run '^$$' -bench 'IndexBuild' -benchtime 1x -benchmem -timeout 0 ./checker/
	CLAIMCHECK_BENCH_ARTICLES=$${CLAIMCHECK_BENCH_ARTICLES:-100000} CLAIMCHECK_BENCH_RECHECK=$${CLAIMCHECK_BENCH_RECHECK:-10000} \
		$(GO) test -run '^$$' -bench 'IndexCheckDraft|IndexRecheck' -benchtime 20x -benchmem -timeout 0 ./checker/

fuzz:
	$(GO) test ./checker/fuzz -run '^$$' -fuzz FuzzScan -fuzztime 60s
	$(GO) test ./checker/fuzz -run '^$$' -fuzz FuzzNormalize -fuzztime 60s
	$(GO) test ./checker/fuzz -run '^$$' -fuzz FuzzExtract -fuzztime 60s
	$(GO) test ./checker/claim -run '^$$' -fuzz FuzzClaimJSON -fuzztime 60s
	$(GO) test ./checker/internal/jsonwrite -run '^$$' -fuzz FuzzString -fuzztime 60s
	$(GO) test ./checker/internal/jsonwrite -run '^$$' -fuzz FuzzFloat -fuzztime 30s

# Extraction throughput over generated 100 MB corpora (CLAIMCHECK_BENCH_MB to change), at the
# seed articles' density of numbers and at a dense setting, each beside a plain UTF-8 decoding
# pass over the same bytes; then the brief's 50 MB bad inputs.
bench-extract:
	$(GO) test ./checker/extract -run '^$$' -bench Pipeline -benchmem -benchtime 2x
	$(GO) test ./checker/fuzz -run '^$$' -bench BadInput -benchmem -benchtime 1x

# Precision and recall of extraction against fixtures/gold, per field (README "Extraction quality").
gold:
	$(GO) run ./cmd/goldscore

lint: build
	./claimcheck rules lint rules
