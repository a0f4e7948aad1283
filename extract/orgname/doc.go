// Package orgname is a grammar of Chinese government body names (机构名称):
// it reads a name such as 省发展改革委 or 六安市人民政府办公室 into its level,
// place, stem, suffix and kind, decides whether two spellings name one body,
// expands elliptical lists, and reads a document's issuer. Its vocabulary is
// data, in templates/orgnames.yaml; the Go code holds none.
//
// # How a name is read
//
// Input is one name, Simplified Chinese (the caller folds Traditional
// characters), surrounding space trimmed; a trailing parenthesised note is
// ignored (虞山高新区(筹)); parentheses and spaces inside are dropped
// (自然资源（和规划）局, 省 发改委). Only Han characters are read: a string with
// digits, Latin letters or punctuation is not a name. A name is
//
//	[party head] [level | place…] [委 | 人民政府 | 政府] stem suffix
//
// where:
//
//   - party head: 中共, 中国共产党 (中共湖南省委组织部).
//   - level: 国务院 自治区 省 市 州 盟 县 区 旗 乡 镇 街道 (省级, 市级 are
//     not prefixes).
//   - place: 1–10 Han characters ending in a place suffix (省 市 县 区 州
//     盟 旗 自治州 自治县 自治区 …), chained up to three times
//     (重庆市沙坪坝区), or a province written bare (湖南银保监局). A place
//     whose base is a level is not one (省市场监管局 is 省 + 市场监管局), and
//     a place that ends like a 功能区 (浦东新区, 湘江新区) is one only before
//     人民政府. A bare town or street (庙坝镇, 竹阳街道) names its
//     government; a bare city (岳阳市) is not a name.
//   - marker: 委 puts the body on the party side (省委办公厅, 市委宣传部);
//     人民政府 or 政府 on the government side (省政府办公厅); with nothing
//     after it, a marker names the party committee or the government itself
//     (县委, 长沙市人民政府).
//   - body: a known stem and one of its suffix forms (发改 + 委, 发展和改革 +
//     委员会, 市场监督 + 管理局), a known whole name (妇联, 总工会, 办公厅),
//     or an unknown stem and an open suffix (代建 + 中心, 护城河 + 指挥部,
//     监利 + 经济开发区), whose kind is the suffix's.
//
// Some names are read whole: heads with a free place and a tail
// (人民银行 + 长沙 + 中心支行, 国家税务总局 + 湖南省 + 税务局, 国网 + 湖南
// + 电力公司), place-free bodies (长沙 + 海关, 湖南 + 银保监局, and 湖南 +
// 金融监管局, the national regulator, where 省金融监管局 is the province's
// own 地方金融监管局), and infix names (团 + 省 + 委).
//
// A 功能区 with a name of its own keeps that name as its Stem (湘江新区:
// Stem 湘江, Suffix 新区; 监利经济开发区: Stem 监利, Suffix 经开区), and the
// suffixes of one kind of zone are one class (经济技术开发区, 经济开发区,
// 经开区 are all 经开区).
//
// Every way to read the start of a name is tried. A reading with a known
// body wins over one with an unknown stem (市民政局 is 市 + 民政局, 市场监管局
// is 市场监管局), and among known bodies the longest body wins
// (住房城乡建设厅 is 住建, not the place 住房城乡 + 建设厅). Among unknown
// stems a reading with a level or place wins (省 + 代建中心).
// Strings that are never names are refused before: groups (有关部门,
// 各乡、镇人民政府, 市直各部门: a 各, 有关 or 相关), leaders (分管副省长,
// 协管副秘书长), and unknown stems that read as prose (加快推进…建设).
//
// # When two names are one body
//
// Name.Key is a body's identity within one government: the canonical stem
// of a known body (发改委, 发展改革委, 发展和改革委员会 and 发改局 all have
// Key 发展改革). Within one government only one body of a stem exists, so
// the suffixes listed for a known body (委 and 局, 厅 and 局) are one body;
// a suffix not listed for it makes another body (大数据局 vs 大数据中心,
// 政务服务局 vs 政务服务中心). Party bodies' Keys start with 委·, so
// 省委办公厅 ≠ 省政府办公厅, and 市委宣传部 ≠ 市政府新闻办. Former names
// (环保局, 国土资源厅, 卫生计生委, 经委, 劳动保障局, 交通局 …) are bodies of
// their own: merging an old name into a new body is a directory's decision,
// as are typos (省退伍军人厅).
//
// Same compares two names: equal Party and Key (apart from places), levels
// equal or one bare (发改委 is 市发改委 in a city's list), places equal or
// one absent (省税务局 = 国家税务总局湖南省税务局). A foreign body's Key
// includes its place (长沙海关 ≠ 黄埔海关, 湖南·银保监), a government's its
// place or, without one, its level (市·人民政府); governments are Same only
// with equal Keys. Places are compared without ethnic names and without
// 省/市 (湘西土家族苗族自治州 = 湘西自治州, 湖南省 = 湖南).
//
// # Kinds and order
//
// Kinds are listed in orgnames.yaml in standard order: 党委部门, 人大政协
// (with 监委, 法院, 检察院), 政府部门, 垂直管理单位, 群团组织, 事业单位,
// 企业, 功能区, 下级政府. Foreign names — vertical bodies, companies,
// governments, and 功能区 with a name of their own (湘江新区, but not a bare
// 经开区) — are not bodies of the issuing government and are never given a
// level prefix. A government (长沙市人民政府, 市人民政府, 庙坝镇) is of kind
// 下级政府 even when it is the issuer itself: compare it with Issuer.
// Name.Rank orders names by kind, then by the order of the known bodies in
// the file (the usual order of 组成部门 for 政府部门, then 直属机构, then
// former names), then unknown stems.
//
// # Elliptical lists
//
// Expand reads the names of one clause part: a fragment that is no name by
// itself takes a shared suffix from the name after it (长沙、株洲市人民政府,
// 岳阳市、湘西自治州人民政府, 人民大垸、荒湖管理区, 教育、卫生局), and a bare
// name takes the level or place of the last name before it that has one
// (省商务厅、财政厅、发展改革委 → 省商务厅, 省财政厅, 省发展改革委; a party
// body takes 委 too: 省委组织部、宣传部). Foreign names are never prefixed
// and lend no prefix; a complete name of another level starts over; bare
// names with nothing before them stay as written (发改委、经信委、科技局).
// A fill is kept only when it parses to the kind it should.
//
// # Issuer
//
// Issuer reads the issuing government and its level from a document's
// first lines: the title before 关于 (an office stands for its government:
// 湖南省人民政府办公厅关于 → 湖南省人民政府), a signature line
// (四川省发展和改革委员会), a short title that starts with a government
// (2021年新昌县政府十方面… → 新昌县人民政府), else the first government a
// line of prose names (按照省委、省政府要求 → 省人民政府). Addressee lines
// (各…, …:) are skipped.
//
// # Speed
//
// Load compiles the file into maps once; Parse does no regexp and, for a
// known body, no allocation: it tries the few readings of a name's start
// (levels, place chains, markers) and, for each, longest-suffix lookups by
// rune.
package orgname
