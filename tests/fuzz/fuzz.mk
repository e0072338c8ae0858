# tests/fuzz/fuzz.mk — libFuzzer targets (included by the top Makefile).
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="decode clean extract jsonl"]
#   make fuzz-build           build only (build-fuzz/fuzz_*)
#   make pathological-full    the pathological suite at full sizes (100 MB ...)
#
# The library is compiled into build-fuzz/ with clang and
# -fsanitize=fuzzer-no-link,address,undefined (coverage instrumentation +
# sanitizers, no libFuzzer main), then each harness is linked with
# -fsanitize=fuzzer. Each target first replays tests/fuzz/regressions/<target>/
# (libFuzzer runs every file of its corpus directories at start-up), then
# fuzzes for FUZZ_SECONDS with the Korean token dictionary. A crash, a
# sanitizer report, a timeout (-timeout) or an invariant failure
# (__builtin_trap in fuzz_common.h) fails the target; the input is saved as
# build-fuzz/artifacts/<target>-crash-* — add it to tests/fuzz/regressions/.
# Needs clang and libFuzzer (Debian: clang-14, libclang-rt-14-dev).

FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= decode clean extract jsonl
FUZZ_BUILD   := build-fuzz
FUZZ_CC      ?= clang
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_OPT     := -O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)
FUZZ_BINS    := $(patsubst %,$(FUZZ_BUILD)/fuzz_%,$(FUZZ_TARGETS))
FUZZ_FLAGS   ?= -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1

.PHONY: fuzz fuzz-lib fuzz-build fuzz-seeds pathological-full

fuzz-lib:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) OPT="$(FUZZ_OPT)" \
	  LDFLAGS="$(FUZZ_SAN)" $(FUZZ_BUILD)/libkcorpus.a

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h fuzz-lib
	$(FUZZ_CC) $(WARN) -O1 -g -fsanitize=fuzzer $(FUZZ_SAN) -D_GNU_SOURCE -Iinclude \
	  $(DEPCFLAGS) -o $@ $< $(FUZZ_BUILD)/libkcorpus.a $(DEPLIBS)

fuzz-build: $(FUZZ_BINS)

fuzz-seeds:
	@python3 tests/fuzz/make_seeds.py $(FUZZ_BUILD)/seeds

fuzz: fuzz-build fuzz-seeds
	@mkdir -p $(FUZZ_BUILD)/artifacts
	@set -e; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t tests/fuzz/regressions/$$t; \
	  echo "== fuzz_$$t: $(FUZZ_SECONDS) s"; \
	  if ! $(FUZZ_BUILD)/fuzz_$$t $(FUZZ_FLAGS) -max_total_time=$(FUZZ_SECONDS) \
	      -dict=tests/fuzz/korean.dict -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t- \
	      $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/seeds/$$t tests/fuzz/regressions/$$t \
	      > $(FUZZ_BUILD)/fuzz_$$t.log 2>&1; then \
	    tail -60 $(FUZZ_BUILD)/fuzz_$$t.log; \
	    echo "fuzz_$$t FAILED (log: $(FUZZ_BUILD)/fuzz_$$t.log, input: $(FUZZ_BUILD)/artifacts/)"; \
	    exit 1; \
	  fi; \
	  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' $(FUZZ_BUILD)/fuzz_$$t.log || true; \
	done; echo "fuzz: all targets ran $(FUZZ_SECONDS) s without a crash"

pathological-full: $(BUILD)/kcorpus
	@python3 tests/pathological/run.py $(BUILD)/kcorpus
