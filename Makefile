# `make install PREFIX=~/.local`: the relocatable nqp with its manual and shell completions (scripts/install.sh).
PREFIX ?= /usr/local

.PHONY: install
install:
	scripts/install.sh --prefix "$(PREFIX)"
