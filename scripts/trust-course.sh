#!/bin/sh
# Trusts the course notebooks as the repository ships them (jupyter trust:
# signs them in this user's Jupyter trust database), so that Jupyter
# Notebook shows their stored outputs — HTML progress bars and check
# boxes — as they were when run, instead of "Not Trusted" and unstyled.
# Jupyter trusts any notebook with a rich output only when its signature is
# in the database; these notebooks' outputs were made by this repository's
# kernel. A notebook that differs from the committed version (edited
# locally, or copied in from elsewhere) is left alone: Jupyter signs a
# user's own saves itself, and anything else is the user's call.
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-/usr/bin/python3}
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	files=$(git ls-files 'notebooks/*.ipynb' | while read -r f; do
		git diff --quiet HEAD -- "$f" 2>/dev/null && echo "$f"
	done)
else
	files=$(ls notebooks/*.ipynb notebooks/exercises/*.ipynb 2>/dev/null)
fi
[ -n "$files" ] || exit 0
# shellcheck disable=SC2086
"$PYTHON" -m nbformat.sign $files
