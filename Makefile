# decision-tables: every target sets itself up on a fresh Debian machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SAMPLES ?= samples
OUT    ?= out

.PHONY: setup system-deps demo test lint format bench golden injected schemas samples clean scans eval-ocr

setup: $(STAMP) system-deps

# Tesseract with Vietnamese data (OCR of scanned decisions); apt only when missing.
system-deps:
	@if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx vie; then \
	  echo "installing tesseract-ocr tesseract-ocr-vie"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie >/dev/null; \
	fi

# Headless Chromium (Debian's package) for the review-page test; apt only when missing.
.PHONY: chromium
chromium:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "installing chromium"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

demo: setup
	$(BIN)/decisions extract $(SAMPLES) --out $(OUT)

test: setup chromium
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check pipeline tests scripts samples
	$(BIN)/ruff format --check pipeline tests scripts samples
	$(BIN)/mypy pipeline

format: setup
	$(BIN)/ruff check --fix pipeline tests scripts samples
	$(BIN)/ruff format pipeline tests scripts samples

bench: setup
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_batch.py
	$(BIN)/python scripts/bench_ocr.py
	$(BIN)/python scripts/bench_store.py

# Rewrite the expected outputs in tests/golden/ from the current code; review the diff.
golden: setup
	$(BIN)/python scripts/make_golden.py

# Rewrite tests/injected/ (seed copies with one planted error each) and their expected flags.
injected: setup
	$(BIN)/python scripts/make_injected.py

# Rewrite schemas/*.schema.json from pipeline/schema.py.
schemas: setup
	$(BIN)/python scripts/make_schemas.py

# Regenerate the fixture decisions of samples/generated/ and samples/rules/ (LibreOffice for
# the PDFs), then the text-layout fixtures of samples/layouts/: pdftotext -layout (poppler-utils).
samples: setup
	@command -v soffice >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui fonts-liberation >/dev/null)
	@command -v pdftotext >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null)
	$(BIN)/python samples/make_samples.py
	$(BIN)/python samples/make_layouts.py

# Rewrite tests/fixtures/producers/: the HTML fixtures printed by Chromium and by LibreOffice
# Writer/Web (the label test reads them beside the DOCX).
.PHONY: producers
producers: setup chromium
	@command -v soffice >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui fonts-liberation >/dev/null)
	$(BIN)/python scripts/make_producer_pdfs.py

# Rewrite samples/scanned/: the fixture PDFs as seeded scans and phone photos (OCR tests).
# The red seal's ring text needs a font with Vietnamese letters (fonts-liberation).
scans: setup
	@test -e /usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf || test -e /usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-liberation >/dev/null)
	$(BIN)/python samples/make_scans.py

# The OCR acceptance figures of issue 8 on samples/scanned/ (exit 1 when one is not met).
eval-ocr: setup
	$(BIN)/python scripts/eval_ocr.py --require 300dpi=99.5,200dpi=98,photo=97 --silent 0 --metadata 100

clean:
	rm -rf $(OUT) $(VENV) .pytest_cache .ruff_cache .mypy_cache
