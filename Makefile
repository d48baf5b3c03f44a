# claimcheck: `make run` checks the bundled seeds with the bundled rules; `make test` runs
# every test. Both need only Go.
GO ?= go

.PHONY: run test build bench bench-index golden lint fuzz

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

# Regenerate golden files after an intended change; review the diff before committing.
golden:
	$(GO) test ./checker/report/... ./cmd/... -update

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./checker/...

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

lint: build
	./claimcheck rules lint rules
