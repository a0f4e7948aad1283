package xlsx

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestIdentityPartAsExcelize: setIdentity writes docProps/custom.xml
// whole; its bytes are those excelize makes of the same properties set one
// by one, names and values that need escaping included.
func TestIdentityPartAsExcelize(t *testing.T) {
	id := Identity{Fingerprint: "abc123", Title: `关于<印发>"2022年"&重点工作`, Year: "2022", Dept: "省发展改革委", Layout: Layout}
	slow := excelize.NewFile()
	defer slow.Close()
	for _, p := range identityProps(id) {
		if err := slow.SetCustomProps(p); err != nil {
			t.Fatal(err)
		}
	}
	fast := &book{f: excelize.NewFile()}
	defer fast.f.Close()
	if err := fast.setIdentity(id); err != nil {
		t.Fatal(err)
	}
	want, _ := slow.Pkg.Load(customPartName)
	got, _ := fast.f.Pkg.Load(customPartName)
	if want == nil || got == nil || !bytes.Equal(got.([]byte), want.([]byte)) {
		t.Errorf("custom.xml:\n got %s\nwant %s", got, want)
	}
	props, err := fast.f.GetCustomProps()
	if err != nil || len(props) != 5 || props[1].Value != id.Title {
		t.Errorf("read back %v, %v", props, err)
	}
}
