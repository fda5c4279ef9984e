package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// cd changes the working directory to dir (~ is the home directory) and
// prints it (%cd DIR); %cd alone prints it.
func (e *Engine) cd(dir string) error {
	if dir != "" {
		if strings.HasPrefix(dir, "~") {
			home, _ := os.UserHomeDir()
			dir = filepath.Join(home, dir[1:])
		}
		if err := os.Chdir(dir); err != nil {
			return magicError("%%cd: %v", err)
		}
	}
	wd, _ := os.Getwd()
	fmt.Fprintln(e.stdout(), wd)
	return nil
}
