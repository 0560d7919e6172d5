# make install PREFIX=/usr/local   — see tools/install.sh
PREFIX ?= /usr/local
.PHONY: install
install:
	tools/install.sh "$(PREFIX)"
