# The two commands of the README:
#   make run    set up, build, and serve on http://127.0.0.1:8080 with SQLite in ./data
#   make test   set up, build, and run every test
export PATH := /opt/swift/usr/bin:$(PATH)

HOST ?= 127.0.0.1
PORT ?= 8080
DATA ?= ./data

.PHONY: run test build release setup setup-test lint format bench-build

run: setup release
	.build/release/switchboard serve --host $(HOST) --port $(PORT) --data $(DATA)

test: setup-test
	swift build
	swift test
	.venv/bin/python -m pytest -q Tests/browser

build: setup
	swift build

release: setup
	swift build -c release

setup:
	@bash scripts/setup.sh

setup-test:
	@bash scripts/setup.sh --test

bench-build: setup
	swift build -c release --package-path bench

lint:
	bash scripts/lint.sh

format:
	swift format format --in-place --recursive Sources Tests bench/Sources
