package display

import (
	"fmt"
	"html"
	"strings"
	"sync"
	"time"

	"github.com/gophlow/gophlow/hooks"
)

// progressInterval is the shortest time between two redraws of a bar, so
// that a tight loop does not flood the notebook (about 10 per second).
const progressInterval = 100 * time.Millisecond

// ProgressBar is a live progress bar: count, rate and estimated time left,
// drawn in place as HTML, with a one-line text form for plain frontends.
type ProgressBar struct {
	mu       sync.Mutex
	h        *Handle
	label    string
	total    int
	done     int
	note     string
	start    time.Time
	lastDraw time.Time
	finished bool
	now      func() time.Time
}

// Progress shows a progress bar for total units of work and returns it;
// call Add or Set as work is done and Finish at the end.
func Progress(total int) *ProgressBar { return NewProgress("", total) }

// NewProgress is Progress with a label shown before the bar.
func NewProgress(label string, total int) *ProgressBar {
	p := &ProgressBar{h: New(), label: label, total: total, now: time.Now}
	p.start = p.now()
	p.lastDraw = p.start
	p.h.Show(p)
	return p
}

// Add records n more units done.
func (p *ProgressBar) Add(n int) { p.Update(p.Count()+n, "") }

// Set records that done units are finished.
func (p *ProgressBar) Set(done int) { p.Update(done, "") }

// Count returns the units done so far.
func (p *ProgressBar) Count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.done
}

// Update records done units and a short status note (kept when empty),
// redrawing at most about ten times a second.
func (p *ProgressBar) Update(done int, note string) {
	p.mu.Lock()
	p.done = done
	if note != "" {
		p.note = note
	}
	now := p.now()
	draw := now.Sub(p.lastDraw) >= progressInterval || done >= p.total
	if draw {
		p.lastDraw = now
	}
	h := p.h
	p.mu.Unlock()
	if draw {
		h.Update(p)
	}
}

// Finish draws the bar a last time, marked finished (or stopped early).
//
// The final bar is a new display, and the live one is emptied, rather than
// the live one updated: a frontend that ignores update_display_data
// (jupyter console, qtconsole) would otherwise show the bar as first drawn,
// at 0%, for ever. A plain-text line printed at the end would reach those
// frontends too, but Jupyter Notebook would then show the final state twice,
// as the updated bar and as the line; with the live display emptied it shows
// the bar once, at the place in the cell's output where the work finished.
// Calling Finish again redraws the final bar.
func (p *ProgressBar) Finish() {
	p.mu.Lock()
	live, again := p.h, p.finished
	p.finished = true
	if !again {
		p.h = New()
	}
	final := p.h
	p.mu.Unlock()
	if again {
		final.Update(p)
		return
	}
	live.Clear()
	final.Show(p)
}

// Done is Finish; it makes a ProgressBar a hooks.Task.
func (p *ProgressBar) Done() { p.Finish() }

// MIMEBundle draws the bar.
func (p *ProgressBar) MIMEBundle() map[string]any {
	p.mu.Lock()
	defer p.mu.Unlock()
	elapsed := p.now().Sub(p.start)
	frac := 0.0
	if p.total > 0 {
		frac = min(1, float64(p.done)/float64(p.total))
	}
	stats := fmt.Sprintf("%d/%d", p.done, p.total)
	if rate := float64(p.done) / elapsed.Seconds(); p.done > 0 && elapsed > 0 {
		stats += fmt.Sprintf(" · %.3g/s", rate)
		if left := p.total - p.done; left > 0 && !p.finished {
			stats += " · " + clock(time.Duration(float64(left)/rate*float64(time.Second))) + " left"
		}
	}
	stats += " · " + clock(elapsed)
	if p.finished && p.done < p.total {
		stats += " · stopped"
	}
	if p.note != "" {
		stats += " · " + p.note
	}
	width := 30
	filled := int(frac * float64(width))
	text := fmt.Sprintf("%s[%s%s] %3.0f%% %s", prefix(p.label), strings.Repeat("#", filled), strings.Repeat(".", width-filled), 100*frac, stats)
	colour := "#00add8"
	if p.finished && p.done < p.total {
		colour = "#d55e00"
	}
	htm := fmt.Sprintf(`<div style="font-family:monospace">%s<span style="display:inline-block;width:20em;height:0.9em;border:1px solid #999;vertical-align:middle;margin-right:0.5em"><span style="display:block;height:100%%;width:%.1f%%;background:%s"></span></span>%3.0f%% %s</div>`,
		html.EscapeString(prefix(p.label)), 100*frac, colour, 100*frac, html.EscapeString(stats))
	return map[string]any{"text/plain": text, "text/html": htm}
}

func prefix(label string) string {
	if label == "" {
		return ""
	}
	return label + " "
}

// clock formats a duration as m:ss or h:mm:ss.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// Reporter draws a progress bar for each task that compiled code (fmlib's
// training loop) starts through the progress package. The kernel installs
// it; notebooks need not.
type Reporter struct{}

// Start shows a new bar.
func (Reporter) Start(label string, total int) hooks.Task { return NewProgress(label, total) }
