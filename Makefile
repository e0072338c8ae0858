# kcorpus — plain Makefile (see README "Building").
# Overridable: CC, CFLAGS, LDFLAGS, PREFIX, DESTDIR, BUILD.

CC      ?= cc
PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
PKG_CONFIG ?= pkg-config
PKGS    := icu-uc icu-i18n libpcre2-8 libutf8proc libxxhash jansson
SONAME_MAJOR := 0
VERSION := 0.1.0

OPT     ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
           -Wimplicit-fallthrough -Wformat=2 -Werror
CFLAGS  ?= $(OPT)
DEPCFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
DEPLIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lpthread -lm
ALL_CFLAGS = $(WARN) $(CFLAGS) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             -Iinclude -Isrc -I$(BUILD) $(DEPCFLAGS) -fPIC -MMD -MP

CLI_SRC := src/main.c $(wildcard src/cli_*.c)
LIB_SRC := $(filter-out $(CLI_SRC),$(wildcard src/*.c))
LIB_OBJ := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(LIB_SRC)) $(BUILD)/obj/dict_data.o
CLI_OBJ := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(CLI_SRC))
DICTS   := $(sort $(wildcard dict/*.tsv))

.PHONY: all deps run test unit golden pathological asan valgrind bench bench-big eval FORCE \
        install uninstall clean check-deps plot

all: $(BUILD)/kcorpus $(BUILD)/libkcorpus.a $(BUILD)/libkcorpus.so $(BUILD)/kcorpus.pc

# --- dependencies: installs missing Debian packages as root, else prints the line
deps:
	@sh scripts/deps.sh

$(BUILD)/obj $(BUILD)/tests:
	@mkdir -p $@

$(BUILD)/embed: tools/embed.c | $(BUILD)/obj
	$(CC) -std=c11 -O1 -Wall -Wextra -Werror -o $@ $<

$(BUILD)/dict_data.c: $(BUILD)/embed $(DICTS)
	$(BUILD)/embed $@ $(DICTS)

$(BUILD)/obj/dict_data.o: $(BUILD)/dict_data.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: src/%.c | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libkcorpus.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/libkcorpus.so: $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libkcorpus.so.$(SONAME_MAJOR) $(LDFLAGS) -o $@ $^ $(DEPLIBS)

$(BUILD)/kcorpus: $(CLI_OBJ) $(BUILD)/libkcorpus.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libkcorpus.a $(DEPLIBS)

# Regenerated on every make (and moved into place only when it changed), so
# `make install PREFIX=/usr` never ships a .pc that names another prefix.
$(BUILD)/kcorpus.pc: FORCE
	@mkdir -p $(BUILD)
	@printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$${prefix}/lib' 'includedir=$${prefix}/include' '' \
	  'Name: kcorpus' 'Description: Korean news text cleaning and extraction' \
	  'Version: $(VERSION)' 'Requires.private: $(PKGS)' \
	  'Libs: -L$${libdir} -lkcorpus' 'Libs.private: -lpthread -lm' 'Cflags: -I$${includedir}' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

FORCE:

# --- tests
UNIT_SRC  := $(wildcard tests/unit/test_*.c)
UNIT_BIN  := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
CMOCKA_FLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS  = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libkcorpus.a | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(CMOCKA_FLAGS) -o $@ $< $(BUILD)/libkcorpus.a $(DEPLIBS) $(CMOCKA_LIBS)

unit: $(UNIT_BIN)
	@sh tests/run_unit.sh $(UNIT_BIN)

golden: $(BUILD)/kcorpus
	@python3 tests/golden/run.py $(BUILD)/kcorpus

pathological: $(BUILD)/kcorpus
	@python3 tests/pathological/run.py $(BUILD)/kcorpus --fast

test: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory golden
	@$(MAKE) --no-print-directory pathological
	@$(MAKE) --no-print-directory $(USABILITY_TESTS)

asan:
	@$(MAKE) --no-print-directory BUILD=build-asan CC=clang \
	  OPT="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" all unit golden
	@python3 tests/pathological/run.py build-asan/kcorpus --fast

valgrind: $(UNIT_BIN)
	@sh tests/run_unit.sh --valgrind $(UNIT_BIN)

run: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/kcorpus run -o out corpus/
	@$(MAKE) --no-print-directory plot

eval: all
	@python3 scripts/eval.py --bin $(BUILD)/kcorpus --eval-dir $(or $(EVAL_DIR),../shared/eval)

bench:
	@sh scripts/bench.sh $(BENCH_ARGS)

bench-big:
	@sh scripts/bench.sh --big $(BENCH_ARGS)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/kcorpus $(DESTDIR)$(PREFIX)/bin/kcorpus
	install -m 644 $(BUILD)/libkcorpus.a $(DESTDIR)$(PREFIX)/lib/libkcorpus.a
	install -m 755 $(BUILD)/libkcorpus.so $(DESTDIR)$(PREFIX)/lib/libkcorpus.so.$(VERSION)
	ln -sf libkcorpus.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libkcorpus.so.$(SONAME_MAJOR)
	ln -sf libkcorpus.so.$(SONAME_MAJOR) $(DESTDIR)$(PREFIX)/lib/libkcorpus.so
	install -m 644 include/kcorpus.h $(DESTDIR)$(PREFIX)/include/kcorpus.h
	install -m 644 $(BUILD)/kcorpus.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/kcorpus.pc
	if [ -f kcorpus.1 ]; then install -m 644 kcorpus.1 $(DESTDIR)$(PREFIX)/share/man/man1/kcorpus.1; fi

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/kcorpus $(DESTDIR)$(PREFIX)/lib/libkcorpus.a \
	  $(DESTDIR)$(PREFIX)/lib/libkcorpus.so* $(DESTDIR)$(PREFIX)/include/kcorpus.h \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig/kcorpus.pc $(DESTDIR)$(PREFIX)/share/man/man1/kcorpus.1

clean:
	rm -rf build build-asan build-fuzz build-bench out

-include tests/fuzz/fuzz.mk
include tests/usability.mk
-include $(wildcard $(BUILD)/obj/*.d)
