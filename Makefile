# Set-up and everyday commands. `make demo` and `make test` work on a fresh machine.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# Python 3.12 or newer: first a python3.13/python3.12 on PATH, then one that pyenv has installed.
FIND_PYTHON := for c in python3.14 python3.13 python3.12 $$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	  if command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then command -v $$c; break; fi; \
	done
SYSTEM_PACKAGES := chromium fonts-liberation2 libreoffice-writer-nogui poppler-utils nginx-light
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test lint system-deps venv run worker bench clean

$(VENV)/.installed: pyproject.toml
	@py="$$($(FIND_PYTHON))"; \
	if [ -z "$$py" ]; then \
	  echo "daihoi cần Python 3.12 trở lên (needs Python >= 3.12), không tìm thấy trên máy này."; \
	  echo "Cài một trong các cách: 'apt-get install python3.12 python3.12-venv', hoặc 'pyenv install 3.13'."; \
	  exit 1; fi; \
	echo "Python: $$py"; \
	[ -x $(PY) ] || $$py -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $@

venv: $(VENV)/.installed

# Debian packages the tests need: a real Chromium, Vietnamese-capable fonts, LibreOffice, poppler,
# nginx (the two-web-servers test balances with it).
system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "Cài gói hệ thống:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "Thiếu gói hệ thống:$$missing — hãy cài bằng: sudo apt-get install$$missing"; fi; \
	fi

demo: venv
	@mkdir -p var
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=1 $(PY) manage.py load_demo
	@echo "Ứng dụng chạy tại http://$(HOST):$(PORT)/  (Ctrl+C để dừng)"
	@trap 'kill 0' EXIT INT TERM; \
	DJANGO_DEBUG=1 $(PY) manage.py db_worker >var/worker.log 2>&1 & \
	DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: venv system-deps
	$(PY) -m pytest $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: venv
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) var db.sqlite3
