package extract

import (
	"regexp"
	"sync"
)

// lazyRegexp is a regexp of the grammar compiled once, on first use or by
// the compile started when the package is loaded, whichever comes first:
// compiled at package initialisation, the patterns cost every fengong
// command 4 ms of start-up before main, on one core. Started in a goroutine,
// their compiling runs beside the other packages' initialisation and the
// run's first stages.
type lazyRegexp struct {
	src  string
	once sync.Once
	rx   *regexp.Regexp
}

// lazyRegexps are the package's patterns, for the compile at load.
var lazyRegexps []*lazyRegexp

// lazyRE returns the pattern src, compiled when first needed. It is only
// called to initialise package variables, and src must compile.
func lazyRE(src string) *lazyRegexp {
	l := &lazyRegexp{src: src}
	lazyRegexps = append(lazyRegexps, l)
	return l
}

func init() {
	go func() {
		for _, l := range lazyRegexps {
			l.re()
		}
	}()
}

func (l *lazyRegexp) re() *regexp.Regexp {
	l.once.Do(func() { l.rx = regexp.MustCompile(l.src) })
	return l.rx
}

func (l *lazyRegexp) MatchString(s string) bool { return l.re().MatchString(s) }

func (l *lazyRegexp) FindString(s string) string { return l.re().FindString(s) }

func (l *lazyRegexp) FindStringSubmatch(s string) []string { return l.re().FindStringSubmatch(s) }

func (l *lazyRegexp) FindStringSubmatchIndex(s string) []int {
	return l.re().FindStringSubmatchIndex(s)
}

func (l *lazyRegexp) FindAllStringIndex(s string, n int) [][]int {
	return l.re().FindAllStringIndex(s, n)
}

func (l *lazyRegexp) FindAllStringSubmatch(s string, n int) [][]string {
	return l.re().FindAllStringSubmatch(s, n)
}

func (l *lazyRegexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.re().FindAllStringSubmatchIndex(s, n)
}

func (l *lazyRegexp) FindStringIndex(s string) []int { return l.re().FindStringIndex(s) }
