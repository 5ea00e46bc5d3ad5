# Netralitas: `make run` sets everything up and serves the app; `make test` runs the suite.
PY := .venv/bin/python

.PHONY: run setup install install-dev migrate messages demo test lint format worker bench clean

run: setup
	@echo ">> Serving on http://127.0.0.1:8000 (Ctrl+C to stop)"
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

setup: install-dev
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv -v 0
	DEBUG=1 $(PY) manage.py collectstatic --noinput -v 0
	DEBUG=1 $(PY) manage.py seed_demo

install:
	./scripts/bootstrap.sh requirements.txt

install-dev:
	./scripts/bootstrap.sh requirements-dev.txt

test: install-dev
	DJANGO_SETTINGS_MODULE=netralitas_site.test_settings $(PY) manage.py compilemessages --ignore=.venv -v 0
	$(PY) -m pytest

lint:
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format:
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

worker:
	$(PY) manage.py rqworker default detection pdf

messages:
	DEBUG=1 $(PY) manage.py makemessages -l id -l en --ignore=.venv --ignore=staticfiles

clean:
	rm -rf var staticfiles .pytest_cache .coverage htmlcov
