# claimcheck: `make run` checks the bundled seeds with the bundled rules; `make test` runs
# every test. Both need only Go.
GO ?= go

.PHONY: run test build bench bench-extract golden lint fuzz gold

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

fuzz:
	$(GO) test ./checker/fuzz -run '^$$' -fuzz FuzzScan -fuzztime 60s
	$(GO) test ./checker/fuzz -run '^$$' -fuzz FuzzNormalize -fuzztime 60s
	$(GO) test ./checker/fuzz -run '^$$' -fuzz FuzzExtract -fuzztime 60s

# Extraction throughput over a generated 100 MB corpus (CLAIMCHECK_BENCH_MB to change), beside
# a plain UTF-8 decoding pass over the same bytes; then the brief's 50 MB bad inputs.
bench-extract:
	$(GO) test ./checker/extract -run '^$$' -bench Pipeline -benchmem -benchtime 2x
	$(GO) test ./checker/fuzz -run '^$$' -bench BadInput -benchmem -benchtime 1x

# Precision and recall of extraction against fixtures/gold, per field (README "Extraction quality").
gold:
	$(GO) run ./cmd/goldscore

lint: build
	./claimcheck rules lint rules
