# gophlow — see README.md. The two commands for a fresh Debian/Ubuntu machine:
#   make notebook   install what is missing, build, install the kernel, open the course
#   make test       install what is missing, build, run every test

GO      ?= go
PYTHON  := /usr/bin/python3
BIN     := bin/gophlow
# Tests install the kernelspec here, not in the user's Jupyter folders.
TESTJUP := $(CURDIR)/build/jupyter
ROOTFLAG := $(shell [ "$$(id -u)" -eq 0 ] && echo --allow-root)

.PHONY: all setup setup-test build install notebook hub test test-go test-jupyter conformance vet bench bench-quality bench-kernel generate clean

all: build

setup:
	sh scripts/setup-debian.sh

build:
	$(GO) build -o $(BIN) ./kernel

install: build
	$(BIN) install --user

# The course notebooks as committed are trusted first (scripts/trust-course.sh)
# so that their stored outputs show as run, not "Not Trusted".
notebook: setup install
	PYTHON=$(PYTHON) sh scripts/trust-course.sh
	$(PYTHON) -m notebook --notebook-dir=notebooks $(ROOTFLAG)

# A class server on this machine (scripts/hub.sh, docs/hub.md), as root:
#   make hub USERS="ann bob carl" HUB_FLAGS="--admin teacher --memory 2147483648"
hub: build
	sh scripts/hub.sh --users "$(USERS)" $(HUB_FLAGS)

generate:
	$(GO) generate ./...

vet:
	@fmt=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$fmt" ]; then echo "gofmt needed:"; echo "$$fmt"; exit 1; fi
	$(GO) vet ./...

# setup-test also installs Chromium, which tests/test_course_open.py drives.
test: setup-test build vet test-go test-jupyter conformance

setup-test:
	sh scripts/setup-debian.sh test

test-go:
	$(GO) test -count=1 ./...
	CGO_ENABLED=0 $(GO) test -count=1 ./fmlib/nn/...

# The Jupyter conformance suite, integration tests over jupyter_client,
# the notebooks and the class server (tests/test_hub.py), all through the kernelspec installed under build/jupyter.
# The course trains its first flow for 2000 steps here instead of the
# minute-long default (GOPHLOW_COURSE_STEPS, notebook 04; notebook 09 scales
# both of its trainings by it), which the notebooks' checks allow for.
test-jupyter: build
	$(BIN) install --prefix $(TESTJUP)
	JUPYTER_PATH=$(TESTJUP)/share/jupyter GOPHLOW_BIN=$(CURDIR)/$(BIN) GOPHLOW_COURSE_STEPS=2000 \
		$(PYTHON) -m unittest discover -s tests -p 'test_*.py' -v

# The differential test against the Go compiler (kernel/conformance): every
# corpus program built with go build and run through the kernel in two
# modes; the programs README.md lists as not running in a cell yet must be
# exactly those that disagree. About a minute on two cores.
conformance: build
	GOPHLOW_CONFORMANCE=1 GOPHLOW_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 -timeout 30m -v -run TestKernelAgreesWithGoBuild ./kernel/conformance/

# Benchmarks print "bench NAME …" lines; they are not tests. fmlib's run
# PyTorch (bench/nn_torch.py) side by side in the same invocation.
bench: build
	sh scripts/setup-debian.sh bench
	GOPHLOW_BENCH=1 $(GO) test -count=1 -timeout 60m -run 'Bench' -v ./fmlib/... ./plots/... | grep '^bench '

# Time to quality: training seconds until the checkerboard flow is good,
# the same recipes on fmlib and PyTorch in one invocation, and the marks
# bench/qualityplot draws. Takes about twenty minutes.
bench-quality: build
	sh scripts/setup-debian.sh bench
	GOPHLOW_BENCH_QUALITY=1 $(GO) test -count=1 -timeout 120m -run 'TestBenchCheckerboardQuality' -v ./fmlib/ | grep -E '^(bench|torch|gophlow) '

bench-kernel: setup build
	$(BIN) install --prefix $(TESTJUP)
	JUPYTER_PATH=$(TESTJUP)/share/jupyter $(PYTHON) bench/kernel.py

clean:
	rm -rf bin build
