# decision-tables: every target sets itself up on a fresh Debian machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SAMPLES ?= samples
OUT    ?= out

.PHONY: setup system-deps demo test lint format bench golden injected schemas samples clean scans eval-ocr \
        eval-realpages archives drawn-deps eval-scans scan-seed

setup: $(STAMP) system-deps

# Tesseract with Vietnamese data (OCR of scanned decisions); LibreOffice headless (.doc, .odt,
# .rtf, .ods) with python3-uno, which keeps one LibreOffice warm per worker; apt only when missing.
system-deps:
	@if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx vie; then \
	  echo "installing tesseract-ocr tesseract-ocr-vie"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie >/dev/null; \
	fi
	@if ! command -v soffice >/dev/null 2>&1 || ! test -e /usr/lib/libreoffice/program/libsclo.so || ! /usr/bin/python3 -c "import uno" >/dev/null 2>&1; then \
	  echo "installing libreoffice-writer-nogui libreoffice-calc-nogui python3-uno"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui libreoffice-calc-nogui python3-uno fonts-liberation >/dev/null; \
	fi

# Headless Chromium (Debian's package) for the review-page test; apt only when missing.
.PHONY: chromium
chromium:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "installing chromium"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

# LibreOffice Writer (headless) for the generated-decision PDFs of tests/test_generated.py;
# apt only when missing.
.PHONY: libreoffice
libreoffice:
	@if ! command -v soffice >/dev/null 2>&1; then \
	  echo "installing libreoffice-writer-nogui"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui fonts-liberation >/dev/null; \
	fi
# The second reading of scanned numbers uses the PP-OCRv4 recognition model that the
# rapidocr-onnxruntime wheel ships (no download at run time). Installed without its
# dependencies: it pins opencv-python, which would shadow opencv-python-headless (README:
# "Second reading").
RAPIDOCR := rapidocr-onnxruntime==1.4.4

# The drawn scans' typesetters (samples/drawn): Chromium prints HTML, LibreOffice Writer converts
# DOCX, in Liberation (Times- and Arial-like) and DejaVu fonts; poppler-utils (pdftoppm) cuts a
# drawn page out of its PDF for the tests; apt only for what is missing.
drawn-deps: chromium
	@command -v soffice >/dev/null 2>&1 || (echo "installing libreoffice-writer-nogui"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui >/dev/null)
	@test -e /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf || test -e /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-liberation >/dev/null)
	@test -e /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null)
	@command -v pdftoppm >/dev/null 2>&1 || (echo "installing poppler-utils"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/pip install -q --no-deps '$(RAPIDOCR)'
	touch $(STAMP)

demo: setup
	$(BIN)/decisions extract $(SAMPLES) --out $(OUT)

test: setup chromium libreoffice drawn-deps
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check pipeline tests scripts samples
	$(BIN)/ruff format --check pipeline tests scripts samples
	$(BIN)/mypy pipeline
	$(BIN)/mypy --explicit-package-bases --follow-imports=silent samples/randomdoc scripts/eval_generated.py

format: setup
	$(BIN)/ruff check --fix pipeline tests scripts samples
	$(BIN)/ruff format pipeline tests scripts samples

bench: setup
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_batch.py
	$(BIN)/python scripts/bench_ocr.py
	$(BIN)/python scripts/bench_store.py
	$(BIN)/python scripts/bench_office.py

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

# Rewrite samples/archives/: the fixtures as .doc, .odt, .rtf, annex workbooks (.xlsx, .xls,
# .ods) and TCVN3 / VNI documents, all saved by LibreOffice from samples/generated/.
archives: setup
	$(BIN)/python samples/make_archives.py

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

# Score the pipeline on the real-page development set (tests/realpages/): one line per page and
# the total. The third-party page excerpts are not in git; REALPAGES names their folder (relative
# to the repository, or absolute). Add REALPAGES_REQUIRE=95 to fail below 95 % or on a silent error.
REALPAGES ?= ../realpages/excerpts
REALPAGES_REQUIRE ?=
eval-realpages: setup
	$(BIN)/python scripts/eval_realpages.py $(REALPAGES) $(if $(REALPAGES_REQUIRE),--require $(REALPAGES_REQUIRE))
# Issue 16's acceptance figures on fresh drawn scans: SEEDS seeds from START (kind = seed mod 3).
SEEDS ?= 30
START ?= 0
eval-scans: setup drawn-deps
	nice $(BIN)/python scripts/eval_scans.py --seeds $(SEEDS) --start $(START)

# One fresh random seed, printed with its result (CI); a failing one joins tests/drawn_cases.py.
scan-seed: setup drawn-deps
	nice $(BIN)/python scripts/eval_scans.py --fresh --details 5

clean:
	rm -rf $(OUT) $(VENV) .pytest_cache .ruff_cache .mypy_cache
