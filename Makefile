# Installs dmarc-parse: `make install` (PREFIX=/usr/local, DESTDIR for staging), `make uninstall`.
#
# The binary is a release build with the Swift runtime linked in (--static-swift-stdlib): it needs no Swift
# toolchain to run, only the C libraries it links (libxml2, zlib, libpsl, libmaxminddb, c-ares: README "Install").
# The man page comes from swift-argument-parser's generate-manual tool (what its `generate-manual` plugin runs),
# called directly on the built binary: the plugin would rebuild the package in release mode without
# --static-swift-stdlib, replacing the binary just built.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
INSTALL ?= install

BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1
BASHDIR = $(PREFIX)/share/bash-completion/completions
ZSHDIR = $(PREFIX)/share/zsh/site-functions
FISHDIR = $(PREFIX)/share/fish/vendor_completions.d

# lld places the functions a run calls side by side (Build/symbol-order.txt, written by Build/make-symbol-order.sh):
# fewer pages of code resident, 3 MiB less at the peak. Functions need sections of their own to be placed.
ORDER_FLAGS = -Xswiftc -Xfrontend -Xswiftc -function-sections -Xswiftc -use-ld=lld \
	-Xlinker --symbol-ordering-file=$(CURDIR)/Build/symbol-order.txt -Xlinker --no-warn-symbol-ordering
BUILD_FLAGS = -c release --static-swift-stdlib $(ORDER_FLAGS)
BIN = .build/release/dmarc-parse
STAGE = .build/install-files
# Built again only when a source changed, so that `make && sudo make install` needs no toolchain under sudo.
SOURCES := Package.swift Build/symbol-order.txt $(shell find Sources -type f)

.PHONY: all build install uninstall print-build-flags

all: build

build: $(STAGE)/built

$(STAGE)/built: $(SOURCES) Makefile
	$(SWIFT) build $(BUILD_FLAGS) --product dmarc-parse
	$(SWIFT) build $(BUILD_FLAGS) --product generate-manual
	rm -rf $(STAGE) && mkdir -p $(STAGE)
	.build/release/generate-manual $(BIN) --output-directory $(STAGE)
	$(BIN) --generate-completion-script bash > $(STAGE)/dmarc-parse.bash
	$(BIN) --generate-completion-script zsh > $(STAGE)/_dmarc-parse
	$(BIN) --generate-completion-script fish > $(STAGE)/dmarc-parse.fish
	touch $@

install: $(STAGE)/built
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(BASHDIR) $(DESTDIR)$(ZSHDIR) $(DESTDIR)$(FISHDIR)
	$(INSTALL) -m 755 $(BIN) $(DESTDIR)$(BINDIR)/dmarc-parse
	$(INSTALL) -m 644 $(STAGE)/dmarc-parse.1 $(DESTDIR)$(MANDIR)/dmarc-parse.1
	$(INSTALL) -m 644 $(STAGE)/dmarc-parse.bash $(DESTDIR)$(BASHDIR)/dmarc-parse
	$(INSTALL) -m 644 $(STAGE)/_dmarc-parse $(DESTDIR)$(ZSHDIR)/_dmarc-parse
	$(INSTALL) -m 644 $(STAGE)/dmarc-parse.fish $(DESTDIR)$(FISHDIR)/dmarc-parse.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dmarc-parse $(DESTDIR)$(MANDIR)/dmarc-parse.1 \
		$(DESTDIR)$(BASHDIR)/dmarc-parse $(DESTDIR)$(ZSHDIR)/_dmarc-parse $(DESTDIR)$(FISHDIR)/dmarc-parse.fish

# The flags of the installed binary, for Benchmarks/run.sh (which measures that binary).
print-build-flags:
	@echo $(BUILD_FLAGS)
