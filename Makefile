# Two commands on a fresh machine: `make run` (the assistant) and `make test` (every test).
# Everything else (venv, spaCy pipeline, NLU data, index, Rasa model) is built when missing or stale.
SHELL := /bin/bash
PY := .venv/bin/python
export RASA_TELEMETRY_ENABLED := false
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONPATH := $(CURDIR)
# pytest on both cores (pytest-xdist); the modules that start `bot shell`, and those that share one stack, each stay
# on one worker (xdist_group marks). PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= 2
PYTEST := $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup

.PHONY: venv system web build run shell test test-fast lint validate stories pytest eval eval-quick bench bench-scale bench-load bench-scaleout audit cluster lock clean

venv:
	@bash scripts/ensure_venv.sh

build: venv
	$(PY) -m bot build

# Debian packages the tests start for real (Chromium, Redis, nginx, PostgreSQL), installed when missing.
system:
	@bash scripts/ensure_system_packages.sh

# The chat widget's bundle (rasa-webchat, version pinned in web/package.json), copied next to the page.
web: web/vendor/webchat.js
web/vendor/webchat.js: web/package.json
	cd web && npm install --no-audit --no-fund --loglevel=error
	mkdir -p web/vendor && cp web/node_modules/rasa-webchat/lib/index.js web/vendor/webchat.js

run: build web
	$(PY) -m bot serve

shell: build
	$(PY) -m bot shell

# ruff (lint and format), the types (mypy on bot/ and actions/) and the layers (import-linter, contract in pyproject.toml).
lint: venv
	.venv/bin/ruff check bot actions tests bench scripts
	.venv/bin/ruff format --check bot actions tests bench scripts
	.venv/bin/mypy
	.venv/bin/lint-imports --no-cache

validate: build
	.venv/bin/rasa data validate

# End-to-end test stories: each step's user text goes through NLU (--e2e) and then the dialogue policies.
stories: build
	$(PY) -m bot.rasa.server test core --e2e --stories tests/stories --model models/careers.tar.gz \
		--fail-on-prediction-errors --out build/results/stories

pytest: build system web
	$(PYTEST)

eval: build
	$(PY) -m bot eval

# The same report inside `make test`, with 400 simulated career-test respondents per noise level instead of 1,000
# (~2 minutes less; sampling error ~0.015 on the shares); `make eval` gives the numbers of docs/evaluation.md.
eval-quick: build
	$(PY) -m bot eval --respondents 400

test: build lint validate stories eval-quick pytest

# The daily loop: lint and the unit tier (no server started, no model trained), about two minutes.
test-fast: lint
	$(PY) -m bot build --no-train
	$(PYTEST) -m unit -q

bench: build audit
	$(PY) -m bench.run

# Known vulnerabilities in requirements/lock.txt (pip-audit from a tool venv of its own; bench/results/audit.json).
audit: venv
	$(PY) -m bench.audit

# The vector index at 10k / 100k / 1M synthetic passages (a few minutes; needs ~6 GB of memory).
bench-scale: build
	$(PY) -m bench.scale

# 50 concurrent users over REST, every turn and career-test result checked, then a 10-minute soak sampling memory
# (~20 minutes; smaller: .venv/bin/python -m bench.load --users 5 --soak-minutes 1).
bench-load: build
	$(PY) -m bench.load

# 2 Rasa servers + 2 action servers behind nginx, Redis lock store, PostgreSQL tracker store (bot/ops/cluster.py).
cluster: build system web
	$(PY) -m bot.ops.cluster

# One vs two Rasa servers behind nginx against the `rasa init` baseline (~8 minutes).
bench-scaleout: build system
	$(PY) -m bench.scaleout

lock: venv
	(echo "# Fully pinned lock of requirements/base.in + constraints.txt, made with pip freeze on Python 3.10.13 (Linux x86_64)."; \
	 echo "# Regenerate: make lock"; .venv/bin/pip freeze --exclude-editable | grep -v '^-e') > requirements/lock.txt

clean:
	rm -rf build models knowledge/index data/nlu/generated_careers.yml .rasa
