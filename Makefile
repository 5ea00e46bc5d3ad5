# Thin aliases for ./dev (which needs no make): `make run` == `./dev run`, `make test` == `./dev test`.
.PHONY: run setup test lint format worker messages clean
run setup test lint format worker messages:
	./dev $@
clean:
	rm -rf var staticfiles .pytest_cache .coverage htmlcov
