#!/usr/bin/python3
"""Cut the embedded faces of the PDF briefs. Run at development time only
(the build and the tests never need it):

    apt-get install -y python3-fonttools fonts-noto-cjk fonts-wqy-microhei \
        fonts-lxgw-wenkai
    /usr/bin/python3 export/pdf/font/cutfonts.py

Each face keeps the characters it is needed for: GB 2312, ASCII, the
Traditional forms of GB 2312's characters (mirror sites convert documents
to Traditional characters, and a brief prints the text as written), and
every character of the seed, the corpus documents and the templates. The body,
title and kai faces keep GB 2312's symbols and level 1 (the 3755 common
hanzi) plus the rarer characters the documents use; the heading face (WenQuanYi
Micro Hei, the smallest per glyph) keeps all of GB 2312, and is the last face of
every role's fallback chain (package pdf). A character beyond these is
drawn as the template's substitute and warned about; a machine's own faces
(simfang.ttf, …) or the config's fonts cover more.

Hinting and OpenType layout tables are dropped (PDF viewers do not need
them). Noto Serif CJK (CFF outlines) is converted to TrueType quadratic
outlines, which fpdf can embed. Faces whose licence reserves their name
for unmodified versions (OFL) are renamed.
"""
import glob, os, sys
from fontTools import subset
from fontTools.ttLib import TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
OUT = os.path.dirname(os.path.abspath(__file__))


def gb2312(rows):
    out = set()
    for hi in rows:
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode('gb2312'))
            except UnicodeDecodeError:
                pass
    return out


def corpus():
    used = set()
    pats = ['seeds/*.txt', 'templates/*', 'extract/testdata/**/*']
    files = [f for p in pats for f in glob.glob(os.path.join(ROOT, p), recursive=True)]
    files += glob.glob('/work/shared/corpus/docs/*')
    for f in files:
        if os.path.isfile(f):
            try:
                used.update(open(f, encoding='utf-8').read())
            except UnicodeDecodeError:
                pass
    return used


def keep(s):
    # isprintable is false for spaces other than U+0020, which text uses
    return {c for c in s if 0x20 <= ord(c) <= 0xFFFF and (c.isprintable() or c in '\u3000\u00a0')}


def traditional():
    """The Traditional forms of GB 2312's characters: what a mirror site
    that converts a document to Traditional characters prints (OpenCC's
    t2s pairs, as extract/t2s_table.go holds them)."""
    import re
    src = open(os.path.join(ROOT, 'extract', 't2s_table.go'), encoding='utf-8').read()
    s = ''.join(re.findall(r'"([^"]*)"', src[src.index('const t2sPairs'):]))
    out = set()
    for i in range(0, len(s) - 1, 2):
        try:
            s[i + 1].encode('gb2312')
            out.add(s[i])
        except UnicodeEncodeError:
            pass
    return out


used = corpus() | traditional()
extra = set(''.join(chr(c) for c in range(0x20, 0x7F)) + '\u3000\u00a0□…—《》〈〉“”‘’（）、，。；：？！·％‰℃' +
            ''.join(chr(c) for c in range(0x2460, 0x2474)))  # ①–⑳
level1 = keep(gb2312(range(0xA1, 0xD8)) | extra | used)  # symbols and level 1
full = keep(gb2312(range(0xA1, 0xF8)) | extra | used)


def quadratic(font):
    """Convert CFF outlines to TrueType glyf ones."""
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyf = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(gs)
        gs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font['loca'] = newTable('loca')
    font['glyf'] = glyf
    del font['CFF ']
    if 'VORG' in font:
        del font['VORG']
    maxp = newTable('maxp')
    maxp.tableVersion = 0x00010000
    for k in ('maxZones',):
        setattr(maxp, k, 1)
    for k in ('maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
              'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(maxp, k, 0)
    font['maxp'] = maxp
    post = font['post']
    post.formatType = 3.0
    font.sfntVersion = '\0\1\0\0'
    glyf.compile(font)


def rename(font, family, ps):
    name = font['name']
    full = family if family.endswith(('Bold', 'Regular')) else family
    for rec in list(name.names):
        if rec.nameID in (1, 3, 4, 16):
            name.setName(full if rec.nameID == 4 else family, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
        elif rec.nameID == 6:
            name.setName(ps, 6, rec.platformID, rec.platEncID, rec.langID)
    name.names = [r for r in name.names if r.nameID not in (17, 18, 21, 22)]


def cut(src, index, chars, out, family=None, ps=None):
    font = TTFont(src, fontNumber=index)
    opt = subset.Options()
    opt.hinting = False
    opt.layout_features = []
    opt.drop_tables += ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'vhea', 'vmtx', 'VORG', 'DSIG', 'gasp', 'EBDT', 'EBLC', 'EBSC']
    opt.name_IDs = ['*']
    opt.name_languages = ['*']
    opt.notdef_outline = True
    opt.recalc_bounds = True
    s = subset.Subsetter(opt)
    s.populate(unicodes=sorted(ord(c) for c in chars))
    s.subset(font)
    if 'CFF ' in font:
        quadratic(font)
    if family:
        rename(font, family, ps)
    font.save(os.path.join(OUT, out))
    print(out, len(chars), os.path.getsize(os.path.join(OUT, out)))


which = sys.argv[1:] or ['body', 'title', 'heading', 'kai']
if 'body' in which:
    cut('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 2, level1, 'serif-sc.ttf',
        'Fengong Serif SC', 'FengongSerifSC-Regular')
if 'title' in which:
    cut('/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc', 2, level1, 'serif-sc-bold.ttf',
        'Fengong Serif SC Bold', 'FengongSerifSC-Bold')
if 'heading' in which:
    cut('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 0, full, 'wqy-microhei.ttf')
if 'kai' in which:
    cut('/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf', 0, level1, 'wenkai.ttf',
        'Fengong WenKai', 'FengongWenKai-Regular')
