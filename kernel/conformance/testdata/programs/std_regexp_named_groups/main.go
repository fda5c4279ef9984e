// Covers: regexp, named capture groups (?P<name>) and (?<name>), SubexpNames/SubexpIndex, FindStringSubmatch, ExpandString templates, (?m) multi-line mode, parsing log lines.
package main

import (
	"fmt"
	"regexp"
	"strings"
)

const logs = `2024-05-01 12:00:01 [INFO] server started port=8080
2024-05-01 12:00:05 [WARN] slow request path=/api/users ms=1200
garbage line without structure
2024-05-01 12:01:10 [ERROR] db timeout retries=3`

func main() {
	re := regexp.MustCompile(`(?m)^(?P<date>\d{4}-\d{2}-\d{2}) (?P<time>[\d:]+) \[(?<level>[A-Z]+)\] (?P<msg>.*)$`)
	fmt.Printf("%q\n", re.SubexpNames())
	levelIdx := re.SubexpIndex("level")
	fmt.Println("level index:", levelIdx, "missing:", re.SubexpIndex("nope"))

	kv := regexp.MustCompile(`(\w+)=(\S+)`)
	counts := map[string]int{}
	for _, line := range strings.Split(logs, "\n") {
		m := re.FindStringSubmatch(line)
		if m == nil {
			fmt.Printf("no match: %q\n", line)
			continue
		}
		fields := map[string]string{}
		for i, name := range re.SubexpNames() {
			if name != "" {
				fields[name] = m[i]
			}
		}
		counts[m[levelIdx]]++
		fmt.Printf("%s %-5s %s\n", fields["time"], fields["level"], fields["msg"])
		for _, p := range kv.FindAllStringSubmatch(fields["msg"], -1) {
			fmt.Printf("    %s => %s\n", p[1], p[2])
		}
	}
	fmt.Println(counts["INFO"], counts["WARN"], counts["ERROR"])

	var out []byte
	for _, idx := range re.FindAllStringSubmatchIndex(logs, -1) {
		out = re.ExpandString(out, "$level@$time ", logs, idx)
	}
	fmt.Println(string(out))

	multi := regexp.MustCompile(`(?m)^(?P<date>\S+) \S+ \[(?P<level>ERROR|WARN)\]`)
	for _, m := range multi.FindAllStringSubmatch(logs, -1) {
		fmt.Println(m[multi.SubexpIndex("level")], "on", m[multi.SubexpIndex("date")])
	}
	fmt.Println(re.ReplaceAllString("2024-01-02 03:04:05 [DEBUG] hi", "${level}: ${msg} (${date})"))
	fmt.Println(re.MatchString("2024-01-02 03:04:05 [debug] lower"))
}
