package kernelspec

// LanguageVersion is the version of Go the kernel speaks: the release its
// standard-library symbols were generated from (kernel/stdsyms is built
// for go1.26). It is a constant, not runtime.Version(), so that the
// language_info a kernel reports does not depend on the toolchain patch
// release that built it: Jupyter Notebook marks a notebook changed (and
// autosaves it) whenever the kernel's language_info differs from the one
// stored in the notebook, and the course's notebooks store this one.
const LanguageVersion = "1.26"

// LanguageInfo is the language_info of the kernel's kernel_info_reply, and
// exactly what every notebook gophlow writes stores in its metadata.
func LanguageInfo() map[string]any {
	return map[string]any{
		"name":            "go",
		"version":         LanguageVersion,
		"mimetype":        "text/x-go",
		"file_extension":  ".go",
		"pygments_lexer":  "go",
		"codemirror_mode": "go",
	}
}

// NotebookKernelspec is the kernelspec entry of a notebook's metadata, as
// Jupyter Notebook writes it when the notebook runs on this kernel (name,
// display_name and language of kernel.json).
func NotebookKernelspec() map[string]any {
	return map[string]any{
		"name":         Name,
		"display_name": DisplayName,
		"language":     "go",
	}
}
