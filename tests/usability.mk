# tests/usability.mk — issue 10 tests, included by the Makefile:
#   include tests/usability.mk
# and run by `make test` through $(USABILITY_TESTS). Each prints
# "NAME: N passed, N failed" and fails the target when something failed.
# Debian packages they need: gnuplot-nox, fonts-nanum (Hangul in the chart),
# jq, man-db, python3, pkg-config.

USABILITY_TESTS := install-test interop-test plot-test

.PHONY: $(USABILITY_TESTS) plot

# make install into a temporary DESTDIR, then build examples/clean_figures.c
# with pkg-config alone against the staged kcorpus.pc and run it
install-test: all
	@sh tests/install/run.sh $(BUILD)/kcorpus

# outputs of `kcorpus run` read by python3 csv/json and jq; the README's jq one-liner
interop-test: $(BUILD)/kcorpus
	@sh tests/interop/run.sh $(BUILD)/kcorpus

# the seed article's DAU chart: PNG, size, dimensions, content, exit statuses
plot-test: $(BUILD)/kcorpus
	@sh tests/plot/run.sh $(BUILD)/kcorpus

# the chart for people: out/dau.png from the sample editorial
plot: $(BUILD)/kcorpus
	@mkdir -p out
	$(BUILD)/kcorpus metrics --metric DAU corpus/kakao_editorial.txt > out/dau.csv
	$(BUILD)/kcorpus plot --metric DAU out/dau.csv -o out/dau.png
	@echo "out/dau.png"
