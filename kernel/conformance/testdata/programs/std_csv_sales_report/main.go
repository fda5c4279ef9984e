// Covers: encoding/csv, Reader (ReadAll, quoted fields, comments, FieldsPerRecord errors, Comma), Writer with quoting and Flush, a grouped sales report.
package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

const data = `region,product,units,price
# comment lines are skipped
north,"Widget, large",10,2.50
south,Gadget,3,10.00
north,Gadget,5,10.00
east,"Say ""hi"" kit",1,7.25
south,"Widget, large",8,2.50
`

func main() {
	r := csv.NewReader(strings.NewReader(data))
	r.Comment = '#'
	records, err := r.ReadAll()
	if err != nil {
		panic(err)
	}
	fmt.Println("header:", records[0])
	byRegion := map[string]float64{}
	for _, rec := range records[1:] {
		units, _ := strconv.Atoi(rec[2])
		price, _ := strconv.ParseFloat(rec[3], 64)
		byRegion[rec[0]] += float64(units) * price
		fmt.Printf("%-6s %-16q %3d\n", rec[0], rec[1], units)
	}
	regions := make([]string, 0, len(byRegion))
	for k := range byRegion {
		regions = append(regions, k)
	}
	sort.Strings(regions)

	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"region", "revenue", "note"})
	for _, reg := range regions {
		note := ""
		if byRegion[reg] > 50 {
			note = "top, \"star\""
		}
		w.Write([]string{reg, strconv.FormatFloat(byRegion[reg], 'f', 2, 64), note})
	}
	w.Flush()
	fmt.Println("writer error:", w.Error())

	bad := csv.NewReader(strings.NewReader("a,b\nc\n"))
	_, err = bad.ReadAll()
	fmt.Println("error:", err)
	semi := csv.NewReader(strings.NewReader("x;y;z\n1;2;3\n"))
	semi.Comma = ';'
	for {
		rec, err := semi.Read()
		if err != nil {
			fmt.Println("stop:", err)
			break
		}
		fmt.Println(len(rec), rec)
	}
	_, err = csv.NewReader(strings.NewReader(`a,"b`)).Read()
	fmt.Println("error:", err)
}
