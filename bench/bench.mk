# `make bench` (QUICK=1 for a < 2 minute development run); included from the Makefile.
.PHONY: bench

bench: $(STAMP) $(KB) $(CLF)  ## benchmark: in process, end to end on Kafka, framework overhead (QUICK=1: small)
	$(BIN)/python -m newsevents.localkafka resolve >/dev/null
	QUICK=$(QUICK) PYTHONPATH=services:. $(BIN)/python -m bench.run
