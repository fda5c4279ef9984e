package assist

import "unicode/utf8"

// byteOffset converts a cursor counted in code points into a byte offset of
// code, clamped to [0, len(code)].
func byteOffset(code string, cursor int) int {
	if cursor <= 0 {
		return 0
	}
	n := 0
	for i := range code {
		if n == cursor {
			return i
		}
		n++
	}
	return len(code)
}

// codePoints converts a byte offset of code into a count of code points.
func codePoints(code string, off int) int {
	if off > len(code) {
		off = len(code)
	}
	return utf8.RuneCountInString(code[:off])
}
