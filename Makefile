# howto — the two commands of the README's quick start are `make demo` and `make test`.
SWIFT ?= swift
HOWTO := .build/debug/howto
PREFIX ?= $(HOME)/.local
DIST ?= dist

.PHONY: demo test build install site check verify bench fuzz clean

## Install what is missing, build, check the content, write site/, verify every how-to (the reference tutorial too).
demo: build
	$(HOWTO) check content
	$(HOWTO) build
	$(HOWTO) test --include-untested content/how-to

## Install what is missing and run every test (unit, contract, browser, live OpenBao), one at a time, then the
## installed binary and its release archive on a machine without Swift (scripts/test-install.sh):
## the suites start servers and child processes, and timing checks must not race each other on 2 cores.
test:
	scripts/deps.sh test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel
	scripts/test-install.sh

build:
	scripts/deps.sh build
	$(SWIFT) build --product howto

## Build the self-contained release binary (Swift runtime and libcmark linked in, stripped; ldd and size checked),
## install it as PREFIX/bin/howto (default ~/.local) and write its release archive and SHA-256 to DIST (default dist/).
install:
	scripts/deps.sh build
	scripts/static-build.sh
	install -D -m 755 .build-static/release/howto $(DESTDIR)$(PREFIX)/bin/howto
	scripts/release-archive.sh .build-static/release/howto $(DIST)

site: build
	$(HOWTO) build

check: build
	$(HOWTO) check content

verify: build
	$(HOWTO) test --include-untested content/how-to

## Benchmarks time a release build (in .build-release, beside the debug one).
bench:
	scripts/deps.sh bench
	$(SWIFT) build -c release --product howto --scratch-path .build-release
	bench/site.sh
	bench/runner.sh
	bench/verify.sh

## Fuzz every parser with libFuzzer for FUZZ_SECONDS each (default 30) in .build-fuzz; not part of `make test`.
fuzz:
	scripts/deps.sh build
	Fuzz/run.sh

clean:
	rm -rf site
