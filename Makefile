# Two commands on a fresh machine: `make run` (the assistant) and `make test` (every test).
# Everything else (venv, spaCy pipeline, NLU data, index, Rasa model) is built when missing or stale.
SHELL := /bin/bash
PY := .venv/bin/python
export RASA_TELEMETRY_ENABLED := false
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONPATH := $(CURDIR)

.PHONY: venv system web build run shell test lint validate stories pytest eval bench bench-scale lock clean

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

lint: venv
	.venv/bin/ruff check bot actions tests bench

validate: build
	.venv/bin/rasa data validate

stories: build
	.venv/bin/rasa test core --stories tests/test_stories.yml --model models/careers.tar.gz \
		--fail-on-prediction-errors --out build/results/stories

pytest: build system web
	$(PY) -m pytest

eval: build
	$(PY) -m bot eval

test: build lint validate stories eval pytest

bench: build
	$(PY) -m bench.run

# The vector index at 10k / 100k / 1M synthetic passages (a few minutes; needs ~6 GB of memory).
bench-scale: build
	$(PY) -m bench.scale

lock: venv
	(echo "# Fully pinned lock of requirements/base.in + constraints.txt, made with pip freeze on Python 3.10.13 (Linux x86_64)."; \
	 echo "# Regenerate: make lock"; .venv/bin/pip freeze --exclude-editable | grep -v '^-e') > requirements/lock.txt

clean:
	rm -rf build models knowledge/index data/nlu/generated_careers.yml .rasa
