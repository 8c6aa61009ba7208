# The MSSC recertification API. `make run` serves on :8080 with the embedded
# database; `make test` runs every test on SQLite and on PostgreSQL; `make help`
# lists every target.
SHELL := /usr/bin/env bash
GO ?= go
# BUILDFLAGS build the production binary: PostgreSQL only (the nosqlite tag
# leaves the embedded database out), without file paths, symbol table or
# debug information: much smaller, and the same code.
BUILDFLAGS ?= -tags nosqlite -trimpath -ldflags='-s -w'
# DEVFLAGS build the development binary of make run, with the embedded
# SQLite. Without -trimpath its packages are the ones `go test` and
# `go build ./...` compile, so after either, make run only links.
DEVFLAGS ?= -ldflags='-s -w'

.PHONY: run build help check-help test generate check-generate lint bench bench-go bench-load fuzz seed token ci clients audit schema faulttest soak scaletest web web-deps test-web check-web e2e screenshots first-run check-size

## run: build the development binary bin/recert-dev, migrate, seed and serve on :8080 (embedded SQLite unless DATABASE_URL is set)
run:
	@echo "building bin/recert-dev: the first build on a machine compiles every dependency (about 2 CPU-minutes); later ones take seconds"
	$(GO) build $(DEVFLAGS) -o bin/recert-dev .
	bin/recert-dev serve

## build: build the production binary bin/recert: PostgreSQL only, stripped
build:
	$(GO) build $(BUILDFLAGS) -o bin/recert .

## check-size: build the production binary and fail when it passes MAX_BINARY_BYTES (35 MB)
MAX_BINARY_BYTES ?= 35000000
check-size: build
	@size=$$(stat -c %s bin/recert); echo "bin/recert is $$size bytes (at most $(MAX_BINARY_BYTES))"; \
		if [ "$$size" -gt $(MAX_BINARY_BYTES) ]; then echo "the production binary grew past $(MAX_BINARY_BYTES) bytes: see what grew with go tool nm -size -sort size"; exit 1; fi

## help: list the targets and what each does, from their `##` comments
help:
	@awk '/^## [a-zA-Z0-9_-]+:/ { line = substr($$0, 4); name = substr(line, 1, index(line, ":") - 1); \
		printf "  %-15s %s\n", name, substr(line, length(name) + 3); next } \
		/^## / { printf "  %-15s %s\n", "", substr($$0, 4) }' $(MAKEFILE_LIST)

## check-help: fail when a target has no `## target:` comment, so that make help lists every target
check-help:
	@missing="$$(awk '/^## [a-zA-Z0-9_-]+:/ { line = substr($$0, 4); said[substr(line, 1, index(line, ":") - 1)] = 1 } \
		/^[a-zA-Z0-9_-]+:/ && !/^[a-zA-Z0-9_-]+ *[:?+]?=/ { name = substr($$0, 1, index($$0, ":") - 1); if (!(name in said)) print name }' $(MAKEFILE_LIST))"; \
	if [ -n "$$missing" ]; then echo "targets without a \`## target: what it does\` comment above them:" $$missing; exit 1; fi

## test: every test, storage and API tests on both SQLite and PostgreSQL
test:
	scripts/ensure-pdftotext.sh
	scripts/with-postgres.sh $(GO) test -count=1 -timeout 30m ./...

## generate: regenerate the gqlgen code from graph/schema
generate:
	$(GO) tool gqlgen generate
	gofmt -w graph resolvers

## check-generate: fail when `make generate` would change a committed file
check-generate: generate
	@changed="$$(git status --porcelain -- graph resolvers gqlgen.yml go.mod go.sum)"; \
	if [ -n "$$changed" ]; then echo "make generate changed committed files:"; echo "$$changed"; git diff --stat; exit 1; fi

## lint: gofmt and go vet must be clean, and every make target listed by make help
lint: check-help
	@unformatted="$$(gofmt -l $$(git ls-files '*.go'))"; \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags loadtest .
	$(GO) vet -tags nosqlite ./...

## bench: the Go micro-benchmarks (bench-go), then the load test against PostGraphile (bench-load)
bench:
	@$(MAKE) --no-print-directory bench-go
	@$(MAKE) --no-print-directory bench-load

## bench-go: the Go benchmarks, ten runs each, summarized by benchstat (medians with confidence intervals)
bench-go:
	@out="$$(mktemp)"; \
	$(GO) test -run '^$$' -bench . -benchmem -count=10 ./... | tee "$$out" | grep -E '^(Benchmark|ok|FAIL)'; \
	echo; $(GO) tool benchstat "$$out"; rm -f "$$out"

## bench-load: scripts/bench.sh: this service and PostGraphile on one seeded PostgreSQL database, loaded
## alternately by bench/loadgen (vegeta); fails only on a failed request or a lost write (bench/README.md)
bench-load:
	scripts/bench.sh

## faulttest: 30 s of mixed load on a throwaway PostgreSQL cluster that is stopped for 5 s (fault_test.go)
faulttest:
	$(GO) test -tags loadtest -count=1 -run '^TestSurvivesADatabaseOutage$$' -v -timeout 5m .

## scaletest: three processes behind HAProxy on a PostgreSQL primary with a streaming replica and a shared
## Redis, 60 s of mixed load with a process killed, the replica stopped and Redis restarted (scale_test.go)
scaletest:
	scripts/install-haproxy.sh
	$(GO) test -tags loadtest -count=1 -run '^TestScale$$' -v -timeout 5m .

## soak: SOAK_DURATION (2m) of mixed load; prints errors, RSS and goroutines every 10 s (soak_test.go)
soak:
	scripts/with-postgres.sh $(GO) test -tags loadtest -count=1 -run '^TestSoak$$' -v -timeout 15m .

## first-run: time a newcomer's first `make run`: a clone of HEAD with an empty Go build cache, until the first GraphQL answer
first-run:
	scripts/first-run.sh

## fuzz: run each fuzz target for FUZZTIME (the committed corpora also run in make test)
FUZZTIME ?= 15s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzCheckCredential$$' -fuzztime $(FUZZTIME) ./catalog/search/
	$(GO) test -run '^$$' -fuzz '^FuzzComputePoints$$' -fuzztime $(FUZZTIME) ./catalog/points/
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeID$$' -fuzztime $(FUZZTIME) ./graph/relay/
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeCursor$$' -fuzztime $(FUZZTIME) ./graph/relay/
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeParams$$' -fuzztime $(FUZZTIME) ./internal/httpapi/
	$(GO) test -run '^$$' -fuzz '^FuzzAnalyze$$' -fuzztime $(FUZZTIME) ./internal/limits/

## clients: with Node: the graphql-http audit, schema checks and real clients (Apollo, codegen, graphql-ws) against a fresh server
clients:
	scripts/client-checks.sh

## audit: the graphql-http GraphQL-over-HTTP audit against a fresh server (61 of 61 checks must pass)
audit:
	@test -d clients/node_modules || (cd clients && npm ci --no-audit --no-fund --loglevel=error)
	scripts/start-test-server.sh node clients/audit.mjs

## schema: rewrite schema.graphql from the schema a fresh server serves
schema:
	@test -d clients/node_modules || (cd clients && npm ci --no-audit --no-fund --loglevel=error)
	scripts/start-test-server.sh bash -c 'node clients/schema.mjs print > schema.graphql.tmp' && mv schema.graphql.tmp schema.graphql

## seed: migrate and load the seed catalog into the configured database
seed:
	$(GO) run . seed

## token: print a development token, e.g. make token ROLE=CANDIDATE SUBJECT=C-1001 CANDIDATE=C-1001
ROLE ?= STAFF
SUBJECT ?= staff-dev
CANDIDATE ?=
token:
	@$(GO) run . token -role $(ROLE) -subject $(SUBJECT) $(if $(CANDIDATE),-candidate-id $(CANDIDATE))

## web-deps: web/node_modules from web/package-lock.json, reinstalled when the lockfile changes
web-deps:
	@cmp -s web/package-lock.json web/node_modules/.recert-lock || (cd web && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.recert-lock)

## web: with Node: the web app's typed documents from schema.graphql, then its build into web/dist (embedded by the binary)
web: web-deps
	cd web && npm run codegen && npm run typecheck && npm run build

## test-web: with Node: the web app's unit tests (vitest): the search box, its highlights, GraphiQL's examples
test-web: web-deps
	cd web && npm test

## check-web: fail when rebuilding the web app from the lockfile changes a committed file
check-web: web
	@changed="$$(git status --porcelain -- web/dist web/src/gql)"; \
	if [ -n "$$changed" ]; then echo "make web changed committed files:"; echo "$$changed"; exit 1; fi

## e2e: the web app's journeys in Debian's Chromium against a fresh server (installs Chromium when missing)
e2e:
	scripts/e2e.sh

## screenshots: the e2e journeys, saving the README's screenshots in docs/screenshots/
screenshots:
	SCREENSHOTS=1 scripts/e2e.sh

## ci: what CI runs
ci: lint check-size check-generate check-web test-web test fuzz clients e2e faulttest scaletest
