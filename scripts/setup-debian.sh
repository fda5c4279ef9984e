#!/bin/sh
# Installs the Debian/Ubuntu packages gophlow needs that are missing:
# Jupyter Notebook and its runner, jupyter console, jupyter-client's commands
# (jupyter kernelspec list), the kernel conformance suite, pexpect (the
# console test), OpenBLAS.
# With "bench" as first argument it also installs PyTorch and SciPy (benchmarks only);
# with "test", Chromium (make test opens the course in a headless browser)
# and JupyterHub (the class-server test); with "hub", JupyterHub and its
# configurable-http-proxy (make hub, scripts/hub.sh).
set -eu

pkgs="jupyter-notebook jupyter-nbconvert jupyter-console jupyter-client python3-nbclient python3-jupyter-client python3-jupyter-kernel-test python3-ipykernel python3-pexpect libopenblas-dev"
if [ "${1:-}" = bench ]; then
	pkgs="$pkgs python3-torch python3-scipy"
fi
if [ "${1:-}" = test ]; then
	pkgs="$pkgs chromium jupyterhub"
fi
if [ "${1:-}" = hub ]; then
	pkgs="$pkgs jupyterhub"
fi

missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "setup: need root or sudo to install:$missing" >&2
	exit 1
fi
echo "setup: installing$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
# Debian's jupyterhub package enables a system-wide hub (port 8000, every
# local user): gophlow's class server is scripts/hub.sh, so that one is
# switched off where systemd runs it.
case "$missing " in
*" jupyterhub "*)
	if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
		if $sudo systemctl disable --now jupyterhub.service >/dev/null 2>&1; then
			echo "setup: disabled Debian's jupyterhub.service (port 8000); the class server is scripts/hub.sh"
		fi
	fi
	;;
esac
exit 0
