"""The Jupyter project's kernel conformance suite (jupyter_kernel_test),
run against the installed gophlow kernel with a sample for every test."""

import unittest

import jupyter_kernel_test


class GophlowConformance(jupyter_kernel_test.KernelTests):
    kernel_name = "gophlow"
    language_name = "go"
    file_extension = ".go"

    code_hello_world = 'import "fmt"\nfmt.Println("hello, world")'
    code_stderr = 'import (\n\t"fmt"\n\t"os"\n)\nfmt.Fprintln(os.Stderr, "to stderr")'

    completion_samples = [
        {"text": "fmt.Print", "matches": {"Print", "Printf", "Println"}},
        {"text": "import \"math\"\nmath.Sqr", "matches": {"Sqrt", "Sqrt2", "SqrtE", "SqrtPhi", "SqrtPi"}},
    ]

    complete_code_samples = ["1 + 1", "x := 1", "func f() int { return 1 }", "import \"fmt\""]
    incomplete_code_samples = ["func f() {", "x := []int{1,", "if true {\n\tx := 1"]
    invalid_code_samples = ["x := )", "func f() int { return 1 }}"]

    code_page_something = "math.Sqrt?"

    code_generate_error = 'panic("boom")'

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": '"go" + "phlow"', "result": '"gophlow"'},
        {"code": "y := 6 * 7\ny", "result": "42"},
    ]
    code_history_pattern = "1 + *"
    supported_history_operations = ("tail", "range", "search")

    code_display_data = [
        {"code": 'display.HTML("<b>bold</b>")', "mime": "text/html"},
        {"code": 'display.Markdown("*emphasis*")', "mime": "text/markdown"},
        {"code": 'display.LaTeX(`\\int_0^1 u_t(x_t)\\,dt`)', "mime": "text/latex"},
        {"code": 'import "image"\ndisplay.Image(image.NewGray(image.Rect(0, 0, 4, 4)))', "mime": "image/png"},
    ]

    code_inspect_sample = "math.Sqrt"

    code_clear_output = "display.ClearOutput(true)"


if __name__ == "__main__":
    unittest.main()
