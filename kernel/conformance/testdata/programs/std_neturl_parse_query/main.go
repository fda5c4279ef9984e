// Covers: net/url, Parse (scheme/host/port/path/query/fragment/user), Query values sorted Encode, QueryEscape/PathEscape, ResolveReference, JoinPath, parse errors.
package main

import (
	"fmt"
	"net/url"
)

func main() {
	raw := "https://alice:s3cret@api.example.com:8443/v1/search%20items/?q=go+lang&tag=a&tag=b&empty=#results"
	u, err := url.Parse(raw)
	if err != nil {
		panic(err)
	}
	fmt.Println("scheme:", u.Scheme)
	fmt.Println("user:", u.User.Username(), "host:", u.Host, "hostname:", u.Hostname(), "port:", u.Port())
	pw, set := u.User.Password()
	fmt.Println("password set:", set, len(pw))
	fmt.Printf("path: %q raw: %q escaped: %q\n", u.Path, u.RawPath, u.EscapedPath())
	fmt.Println("fragment:", u.Fragment, "rawquery:", u.RawQuery)

	q := u.Query()
	fmt.Println(q.Get("q"), q["tag"], q.Has("empty"), q.Get("empty") == "", q.Has("missing"))
	q.Set("page", "2")
	q.Add("tag", "c d")
	q.Del("empty")
	fmt.Println(q.Encode())
	u.RawQuery = q.Encode()
	u.User = nil
	u.Fragment = ""
	fmt.Println(u.String())

	base, _ := url.Parse("https://example.com/docs/guide/intro.html")
	for _, ref := range []string{"setup.html", "../api/", "/root", "?x=1", "//cdn.example.net/lib.js"} {
		r, _ := url.Parse(ref)
		fmt.Println(ref, "->", base.ResolveReference(r))
	}
	joined, _ := url.JoinPath("https://example.com/a/", "b c", "../d")
	fmt.Println(joined)

	fmt.Println(url.QueryEscape("a b&c=d/é"), url.PathEscape("a b&c=d/é"))
	s, err := url.QueryUnescape("100%25+sure%21")
	fmt.Println(s, err)
	_, err = url.QueryUnescape("%zz")
	fmt.Println(err)
	_, err = url.Parse("http://[::1")
	fmt.Println(err)
	vals, _ := url.ParseQuery("b=2&a=1&a=0")
	fmt.Println(vals.Encode(), vals)
}
