# Two commands for a newcomer: `make run` and `make test`. Both set up .venv and are idempotent.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format lock messages clean screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the declared dependencies or the lock change.
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

NODE_STAMP := node_modules/.installed-stamp

# axe-core and the Nu HTML Checker for the tests (package.json, locked in package-lock.json).
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund && touch $@; \
	else echo "npm not found: the accessibility test is skipped (apt-get install npm)"; fi

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py demo_staff
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install $(NODE_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh constraints.txt (the lock) after changing pyproject.toml.
lock: $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade -e ".[dev]"
	$(BIN)/python -m pip freeze --exclude-editable > constraints.txt
	touch $(STAMP)

# Extract and compile translations (needs GNU gettext: apt-get install gettext).
messages: install
	$(BIN)/python manage.py makemessages --locale vi --ignore ".venv/*" --ignore "var/*" --ignore "node_modules/*" --no-obsolete
	$(BIN)/python manage.py compilemessages --locale vi --ignore ".venv/*"

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache node_modules

# PNGs of each page type at 360, 768 and 1280 px in var/screenshots/, from a throwaway demo
# site (needs Debian's Chromium: apt-get install chromium).
screenshots: install
	$(BIN)/python manage.py screenshots

# Load benchmark of the production shape (nginx, two gunicorns, PostgreSQL, Redis): see
# bench/run.py. Needs root for apt-get (nginx, wrk) when they are missing. CI runs bench-smoke.
.PHONY: bench bench-smoke
bench: install
	$(BIN)/python -m bench.run

# The same harness, tiny and quick (CI-sized): a small seed, 2 s per scenario, counts exact.
bench-smoke: install
	BENCH_DATABASE=portal_bench_smoke $(BIN)/python -m bench.run --smoke --articles 300 --documents 300 \
		--categories 20 --seconds 2 --tail 1 --cookies 50 --workers 2

# Does a page cost more with 100 times more articles? Home, a deep category page and a search,
# timed without the page cache on sites of 1,000 and 100,000 articles (seeded once).
.PHONY: bench-growth
bench-growth: install
	$(BIN)/python -m bench.growth

# One site against 200 (each with its own categories, articles and counters): the article and
# home pages through the same harness, with throughput, p99 and workers' memory compared.
.PHONY: bench-sites bench-sites-smoke
bench-sites: install
	$(BIN)/python -m bench.sites

bench-sites-smoke: install
	BENCH_DATABASE=portal_bench_sites_smoke $(BIN)/python -m bench.sites --smoke
