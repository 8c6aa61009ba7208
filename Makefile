# The MSSC recertification API. `make run` serves on :8080 with the embedded
# database; `make test` runs every test on SQLite and on PostgreSQL.
SHELL := /usr/bin/env bash
GO ?= go

.PHONY: run build test generate check-generate lint bench fuzz seed token ci

## run: build, migrate, seed and serve on :8080 (embedded SQLite unless DATABASE_URL is set)
run:
	$(GO) run . serve

## build: build the server binary into bin/recert
build:
	$(GO) build -o bin/recert .

## test: every test, storage and API tests on both SQLite and PostgreSQL
test:
	scripts/with-postgres.sh $(GO) test -count=1 ./...

## generate: regenerate the gqlgen code from graph/schema
generate:
	$(GO) tool gqlgen generate
	gofmt -w graph resolvers

## check-generate: fail when `make generate` would change a committed file
check-generate: generate
	@changed="$$(git status --porcelain -- graph resolvers gqlgen.yml go.mod go.sum)"; \
	if [ -n "$$changed" ]; then echo "make generate changed committed files:"; echo "$$changed"; git diff --stat; exit 1; fi

## lint: gofmt and go vet must be clean
lint:
	@unformatted="$$(gofmt -l $$(git ls-files '*.go'))"; \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

## bench: the Go benchmarks, ten runs each, summarized by benchstat (medians with confidence intervals)
bench:
	@out="$$(mktemp)"; \
	$(GO) test -run '^$$' -bench . -benchmem -count=10 ./... | tee "$$out" | grep -E '^(Benchmark|ok|FAIL)'; \
	echo; $(GO) tool benchstat "$$out"; rm -f "$$out"

## fuzz: run each fuzz target for FUZZTIME (the committed corpora also run in make test)
FUZZTIME ?= 15s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzCheckCredential$$' -fuzztime $(FUZZTIME) ./catalog/

## seed: migrate and load the seed catalog into the configured database
seed:
	$(GO) run . seed

## token: print a development token, e.g. make token ROLE=CANDIDATE SUBJECT=C-1001 CANDIDATE=C-1001
ROLE ?= STAFF
SUBJECT ?= staff-dev
CANDIDATE ?=
token:
	@$(GO) run . token -role $(ROLE) -subject $(SUBJECT) $(if $(CANDIDATE),-candidate-id $(CANDIDATE))

## ci: what CI runs
ci: lint check-generate test fuzz
