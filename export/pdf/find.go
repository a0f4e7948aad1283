package pdf

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fengong/export/pdf/font"
	"fengong/export/pdf/layout"
)

// standardFaces are the file names, lower-cased, under which offices have
// the GB/T 9704 faces, by role, most wanted first: Windows' and Office's
// own (SimFang, SimHei, KaiTi, STFangsong, …), Founder's 方正小标宋, and the
// _GB2312 faces many offices install.
var standardFaces = []struct {
	role  string
	files []string
}{
	{layout.FontTitle, []string{"fzxbsjw.ttf", "方正小标宋简体.ttf", "fzxbsjw--gb1-0.ttf", "方正小标宋_gbk.ttf", "fzxbsk.ttf"}},
	{layout.FontBody, []string{"仿宋_gb2312.ttf", "fangsong_gb2312.ttf", "simfang.ttf", "仿宋.ttf", "stfangso.ttf", "stfangsong.ttf"}},
	{layout.FontHeading, []string{"simhei.ttf", "黑体.ttf", "stheiti.ttf"}},
	{layout.FontSubheading, []string{"楷体_gb2312.ttf", "kaiti_gb2312.ttf", "simkai.ttf", "楷体.ttf", "stkaiti.ttf"}},
}

// FontDirs are the folders where fengong looks for the standard faces:
// a fonts folder beside the config file (when there is one), then the
// user's and the system's font folders of this operating system. The CLI
// passes them to FindFonts; library callers pass their own, or none.
//
// The machine's folders come from the environment getenv reads (HOME;
// on Windows WINDIR or SystemRoot and LOCALAPPDATA): an empty environment,
// as the CLI's tests give, yields only the folder beside the config, so
// that no test depends on the machine's fonts.
func FontDirs(configFile string, getenv func(string) string) []string {
	var dirs []string
	if configFile != "" {
		dirs = append(dirs, filepath.Join(filepath.Dir(configFile), "fonts"))
	}
	home := getenv("HOME")
	switch runtime.GOOS {
	case "windows":
		if d := getenv("LOCALAPPDATA"); d != "" {
			dirs = append(dirs, filepath.Join(d, "Microsoft", "Windows", "Fonts"))
		}
		if win := cmp.Or(getenv("WINDIR"), getenv("SystemRoot")); win != "" {
			dirs = append(dirs, filepath.Join(win, "Fonts"))
		}
		return dirs
	}
	if home == "" {
		return dirs
	}
	switch runtime.GOOS {
	case "darwin":
		dirs = append(dirs, filepath.Join(home, "Library", "Fonts"))
		dirs = append(dirs, "/Library/Fonts", "/System/Library/Fonts", "/System/Library/Fonts/Supplemental",
			"/Applications/Microsoft Word.app/Contents/Resources/DFonts")
	default:
		dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"))
		dirs = append(dirs, "/usr/local/share/fonts", "/usr/share/fonts")
	}
	return dirs
}

// FindFonts fills each role that fonts leaves empty with the first
// standard face found in dirs (each folder and the folders inside it, two
// levels down, in name order), and says where it came from in
// fonts.From. A file that is not a single TrueType face (a .ttc, a CFF
// font) is passed over, with a note why. Given fonts are kept: the
// config's fonts win.
func FindFonts(dirs []string, fonts Fonts) (Fonts, []string) {
	var notes []string
	files := map[string]string{} // lower-cased base name → first path
	var walk func(dir string, depth int)
	walk = func(dir string, depth int) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			if !errors.Is(err, os.ErrNotExist) {
				notes = append(notes, fmt.Sprintf("%s: %v", dir, err))
			}
			return
		}
		for _, e := range entries { // sorted by name
			p := filepath.Join(dir, e.Name())
			if e.IsDir() {
				if depth < 2 {
					walk(p, depth+1)
				}
				continue
			}
			k := strings.ToLower(e.Name())
			if _, seen := files[k]; !seen {
				files[k] = p
			}
		}
	}
	for _, d := range dirs {
		walk(d, 0)
	}
	for _, sf := range standardFaces {
		data, from := fonts.role(sf.role)
		if data != nil || from != "" {
			continue
		}
		for _, name := range sf.files {
			p, ok := files[name]
			if !ok {
				continue
			}
			b, err := os.ReadFile(p)
			if err == nil {
				_, err = font.Parse(b)
			}
			if err != nil {
				notes = append(notes, fmt.Sprintf("%s: %v", p, err))
				continue
			}
			fonts.set(sf.role, b, p)
			break
		}
	}
	return fonts, notes
}

// set gives a role its font.
func (f *Fonts) set(role string, data []byte, from string) {
	switch role {
	case layout.FontTitle:
		f.Title, f.From.Title = data, from
	case layout.FontHeading:
		f.Heading, f.From.Heading = data, from
	case layout.FontSubheading:
		f.Subheading, f.From.Subheading = data, from
	default:
		f.Body, f.From.Body = data, from
	}
}
