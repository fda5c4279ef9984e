#!/usr/bin/python3
"""Writes into each notebook given the kernelspec and language_info that the
installed gophlow kernel reports (as Jupyter Notebook would on opening it),
touching nothing else: the notebook's top-level "metadata" block is replaced
in the text, so cells, outputs and the file's formatting stay byte for byte.

    JUPYTER_PATH=build/jupyter/share/jupyter scripts/notebook-metadata.py notebooks/*.ipynb

Jupyter Notebook marks a notebook "(unsaved changes)" and autosaves it as
soon as the kernel's language_info differs from the stored one; the test
kernel/server TestCourseNotebooksCarryTheKernelsMetadata keeps them equal.
"""
import json
import re
import sys

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel


def kernel_metadata(name="gophlow"):
    spec = KernelSpecManager().get_kernel_spec(name)
    km, kc = start_new_kernel(kernel_name=name)
    try:
        reply = kc.kernel_info(reply=True, timeout=30)
        info = reply["content"]["language_info"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return {"kernelspec": {"name": name, "display_name": spec.display_name, "language": spec.language},
            "language_info": info}


# The top-level "metadata" key is the only one indented by one space.
TOP = re.compile(r'\n "metadata": \{.*?\n \}', re.S)


def rewrite(path, meta):
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    nb = json.loads(raw)
    new_md = dict(nb.get("metadata", {}))
    new_md.update(meta)
    if new_md == nb.get("metadata"):
        return False
    # Indent as nbformat and gophlow run do (one space a level, keys sorted).
    block = json.dumps(new_md, sort_keys=True, indent=1, ensure_ascii=False).replace("\n", "\n ")
    matches = list(TOP.finditer(raw))
    if len(matches) != 1:
        sys.exit(f"{path}: cannot find the top-level metadata block")
    m = matches[0]
    out = raw[:m.start()] + '\n "metadata": ' + block + raw[m.end():]
    check = json.loads(out)
    nb["metadata"] = new_md
    if check != nb:
        sys.exit(f"{path}: rewriting the metadata would change something else")
    with open(path, "w", encoding="utf-8") as f:
        f.write(out)
    return True


def main(paths):
    meta = kernel_metadata()
    for p in paths:
        print(("updated " if rewrite(p, meta) else "unchanged ") + p)


if __name__ == "__main__":
    main(sys.argv[1:])
