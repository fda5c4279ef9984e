// Covers: encoding/xml, MarshalIndent with attributes, chardata, omitempty and nested paths (a>b), Unmarshal back, xml.Header, escaping.
package main

import (
	"encoding/xml"
	"fmt"
)

type Link struct {
	Rel string `xml:"rel,attr"`
	URL string `xml:",chardata"`
}

type Item struct {
	ID       int      `xml:"id,attr"`
	Title    string   `xml:"title"`
	Category []string `xml:"meta>category"`
	Note     string   `xml:"note,omitempty"`
	Link     Link     `xml:"link"`
}

type Feed struct {
	XMLName xml.Name `xml:"feed"`
	Version string   `xml:"version,attr"`
	Title   string   `xml:"title"`
	Items   []Item   `xml:"item"`
	Comment string   `xml:",comment"`
}

func main() {
	f := Feed{
		Version: "1.0",
		Title:   "Gopher <News> & Notes",
		Items: []Item{
			{ID: 1, Title: "Go 1.26", Category: []string{"release", "go"}, Link: Link{"self", "https://go.dev/doc/go1.26"}},
			{ID: 2, Title: "Generics tips", Note: "draft", Link: Link{"alt", "/tips?a=1&b=2"}},
		},
		Comment: " generated ",
	}
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		panic(err)
	}
	fmt.Print(xml.Header)
	fmt.Println(string(out))

	var back Feed
	err = xml.Unmarshal(out, &back)
	fmt.Println(err, back.XMLName.Local, back.Version, back.Title, len(back.Items))
	for _, it := range back.Items {
		fmt.Printf("item %d %q cats=%v note=%q link=%s:%s\n", it.ID, it.Title, it.Category, it.Note, it.Link.Rel, it.Link.URL)
	}

	var bad Feed
	err = xml.Unmarshal([]byte("<feed><title>x</feed>"), &bad)
	fmt.Println(err)
	compact, _ := xml.Marshal(struct {
		XMLName xml.Name `xml:"point"`
		X, Y    int
	}{X: 3, Y: -4})
	fmt.Println(string(compact))
}
