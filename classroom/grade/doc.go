// Package grade grades a class's submissions of an exercise notebook
// (`gophlow grade ASSIGNMENT.ipynb SUBMISSIONS_DIR OUT_DIR`).
//
// The assignment is the teacher version of a notebook of notebooks/exercises:
// its check cells carry their exercise and points in their metadata,
//
//	"metadata": {"classroom": {"exercise": "03.5", "points": 3}}
//
// Each submission runs in a process of its own (a gophlow worker started by
// the grader), in a fresh temporary working directory, with a time limit per
// cell and a memory limit. Its check cells are the teacher's (as the student
// version shows them, without the teacher-only assertions), whatever the
// submission did to them: a cell with a check's metadata gets the teacher's
// source, and a check missing from the submission (deleted, or its metadata
// removed) runs at the end. A check's verdict is read from the checker
// itself (classroom/check records every Result it produces), not from what
// the cell shows, and it counts only when it has the name of the check the
// teacher's cell runs, learnt by grading the assignment itself first (which
// must earn full marks).
//
// A cell that fails (compile error, panic, os.Exit, a cell stopped at the time
// or memory limit) does not stop the run: the next cells still run, and a
// check that cannot run gets zero with the reason. A worker that dies or must
// be killed (memory the checker could not stop, compiled code that ignores
// the time limit, a crash) is restarted with the cell it was running left out.
// Shell commands (!cmd) and magics other than %time and %who are not run.
//
// Results: OUT_DIR/gradebook.csv (student, exercise, result, points,
// max_points, reason), OUT_DIR/totals.csv and one feedback page per student,
// OUT_DIR/feedback/STUDENT.html: for each exercise its statement, the
// student's code and the check's box, then every error; Markdown, maths and
// Go rendered by kernel/render, as in the pages of gophlow run --html.
//
// Two ways around the checks remain for a determined student, both needing
// code written against the grader: redefining the name a check cell uses for
// the check package while a goroutine runs the real check on right answers,
// and reading the signing key out of the worker's memory (/proc/self/mem).
//
// The worker is isolated by process, working directory and environment (it
// sees PATH, the locale and the Go, BLAS and gophlow settings, not the
// grader's other variables), not by user: Go code in a submission can reach
// the files its user can (os, os/exec) and the network.
// For a class you do not trust, run the grader as a user that can read only
// the submissions and write only OUT_DIR, or in a container.
package grade
