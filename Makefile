# The two commands of the README: `make run` starts the shell, `make test` runs every test.
PREFIX ?= /usr/local
SWIFT ?= swift

.PHONY: run test build release install install-debug check-checklists bench clean deps man

deps:
	@scripts/ensure-system-libraries

build: deps
	$(SWIFT) build

## Builds smaudit and starts its shell.
run: build
	@$(SWIFT) build --show-bin-path >/dev/null
	@"$$($(SWIFT) build --show-bin-path)/smaudit"

## Runs every test: the Swift test suite (unit, pseudo-terminal, golden files),
## `smaudit check --strict` over the built-in checklists (every rule shown failing and passing),
## the manual page and completions, and the count of errors built from free text.
test: deps
	@scripts/ensure-test-tools
	$(SWIFT) build
	$(SWIFT) test
	"$$($(SWIFT) build --show-bin-path)/smaudit" check --strict
	scripts/check-man-and-completions "$$($(SWIFT) build --show-bin-path)/smaudit"
	scripts/count-free-text-errors

## Regenerates the manual page from the commands' declarations (swift-argument-parser's
## GenerateManual plugin); `make test` checks that the committed page is current.
man: build
	$(SWIFT) package generate-manual --configuration debug --date 2026-12-07
	install -m 0644 .build/plugins/GenerateManual/outputs/smaudit/smaudit.1 share/man/man1/smaudit.1

## The release binary, .build/release/smaudit, with its symbols; scripts/build-release says
## how it is linked to start quickly.
release: deps
	SWIFT="$(SWIFT)" scripts/build-release

## Installs the release binary stripped, with a link to its symbols, which stay in
## .build/release/smaudit.debug (`make install-debug` installs them where gdb looks).
install: release
	bin="$$($(SWIFT) build -c release --show-bin-path)" && \
	objcopy --only-keep-debug "$$bin/smaudit" "$$bin/smaudit.debug" && \
	objcopy --strip-all --add-gnu-debuglink="$$bin/smaudit.debug" "$$bin/smaudit" "$$bin/smaudit.stripped" && \
	install -d "$(DESTDIR)$(PREFIX)/bin" && \
	install -m 0755 "$$bin/smaudit.stripped" "$(DESTDIR)$(PREFIX)/bin/smaudit" && \
	install -d "$(DESTDIR)$(PREFIX)/share/man/man1" "$(DESTDIR)$(PREFIX)/share/bash-completion/completions" \
	           "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d" && \
	install -m 0644 share/man/man1/smaudit.1 "$(DESTDIR)$(PREFIX)/share/man/man1/smaudit.1" && \
	"$$bin/smaudit" --generate-completion-script bash >"$(DESTDIR)$(PREFIX)/share/bash-completion/completions/smaudit" && \
	"$$bin/smaudit" --generate-completion-script zsh >"$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_smaudit" && \
	"$$bin/smaudit" --generate-completion-script fish >"$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/smaudit.fish"

## The symbols of the installed binary, in $(PREFIX)/bin/.debug/ where gdb finds them.
install-debug: install
	install -d "$(DESTDIR)$(PREFIX)/bin/.debug"
	install -m 0644 "$$($(SWIFT) build -c release --show-bin-path)/smaudit.debug" "$(DESTDIR)$(PREFIX)/bin/.debug/smaudit.debug"

## The benchmarks; each script builds what it times and holds the build lock while it runs.
bench:
	bench/startup
	bench/size
	bench/engine
	bench/replay
	bench/measure

clean:
	rm -rf .build
