# The two commands of the README: `make run` starts the shell, `make test` runs every test.
PREFIX ?= /usr/local
SWIFT ?= swift

.PHONY: run test build release install check-checklists bench clean deps

deps:
	@scripts/ensure-system-libraries

build: deps
	$(SWIFT) build

## Builds smaudit and starts its shell.
run: build
	@$(SWIFT) build --show-bin-path >/dev/null
	@"$$($(SWIFT) build --show-bin-path)/smaudit"

## Runs every test: the Swift test suite (unit, pseudo-terminal, golden files) and
## `smaudit check` over the built-in checklists.
test: deps
	@scripts/ensure-test-tools
	$(SWIFT) build
	$(SWIFT) test
	"$$($(SWIFT) build --show-bin-path)/smaudit" check

## A release binary with the Swift runtime linked in (faster start-up, no runtime needed).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 "$$($(SWIFT) build -c release --show-bin-path)/smaudit" "$(DESTDIR)$(PREFIX)/bin/smaudit"

bench: release
	bench/startup
	bench/engine
	bench/replay
	bench/measure

clean:
	rm -rf .build
