// Package extract reads a 分工意见 (the division-of-labour document that
// splits a 《政府工作报告》 into numbered key tasks) and builds the one model
// every exporter reads: a [Document] of items, tasks, responsible depts,
// quantitative targets and named lists. [Read] decodes and normalises the
// input (see the Input section, in doc_input.go); [Parse] builds the model
// from the normalised lines; [ParseFile] does both.
//
// The rules are those a 督查室 clerk applies by eye. They are general, not
// tied to one document's line numbers.
//
// # Items
//
// An item starts at a line that opens with its number: "1." "1、" "1．"
// (and, in a document that has no such numbers, "（一）"). Where numbers
// were damaged, as in documents pasted from web pages, the number that ends
// a line after its last clause or full stop (…按职责分工负责）36) is the
// next line's item number, and is removed from the text; a "（" or "(" left
// at the end of a line is a placeholder for the next item, which takes the
// previous number plus one; a line that itself ends with a displaced number
// N is item N−1. Such numbers are marked number_inferred. A line with no
// number of its own continues the current item. Numbers that jump or repeat
// are kept as written and warned about; task IDs stay unique (3.1, then
// 3-2.1). Text before the first item is the preamble: the document's title
// is its first 《…》 naming a 分工, 意见 or 方案.
//
// # Sections
//
// A heading "六、扎实推动区域协调发展" on a line of its own, or glued to the
// end of a line after its last clause (…负责）六、扎实推动区域协调发展),
// opens a section from the next item on. A heading's numeral must count up
// from the previous one, so "一、二、三产业" inside prose is not a heading.
// Items before the first heading have an empty section. "（一）" lines in
// a document of Arabic-numbered items are sub-headings and name no task.
//
// # Tasks and clauses
//
// Each responsibility clause closes one task, whose text is the text since
// the previous clause. A clause is a parenthesis (full- or half-width)
// whose parts, split at ， ； , ;, end in a role keyword or carry a label:
//
//	（X牵头）                                    X leads
//	（X、Y牵头，A、B等按职责分工负责）              X, Y lead; A, B co
//	（A、B等按职责分工负责）                        no lead: A, B co
//	（X、Y分别负责）                               X, Y respective
//	（各部门单位分别负责）                          every dept (all)
//	（有关部门按职责分工负责）                      a group, not a dept
//	（X负责） （X牵头负责）                         X leads
//	（…配合） （…参与） （…协助）                    co
//	（牵头单位：X；责任单位：Y）                     X leads; Y co
//	（牵头单位：X；配合单位：Y；完成时限：6月底前）    with a deadline
//	（X牵头，A按职责分工负责，年内持续推进）          deadline inside
//	（X牵头）（2022年6月底前）                      deadline beside
//
// Names without a keyword before a keyword part share that part's role
// (…省科协，长沙、株洲市人民政府等按职责分工负责). The same labels work as
// lines of their own after the task text, as many governments write them:
//
//	1.推进重大项目建设。
//	牵头单位：省发展改革委
//	责任单位：省财政厅、省自然资源厅
//	完成时限：2022年12月底前
//
// A parenthesis that names no responsibility, such as 海峡两岸产业合作区（湖南）,
// is plain text. A clause at the very start of a line belongs to text that
// was cut away: the task is kept with empty text and a warning. Circled
// sub-items ①…⑳ each carry their own clause; the words before ① introduce
// them and name the list they form. Text after an item's last clause is
// kept as a task that names no dept, with a warning.
//
// # Depts
//
// Lists split on 、 and 及; 等 is dropped. A shared suffix is expanded:
// 长沙、株洲、湘潭、郴州市人民政府 gives four 市人民政府, and 岳阳市、湘西自治州人民政府
// gives two 人民政府. Every name goes through the dept [Directory]
// (templates/depts.yaml, overridable), which merges aliases into canonical
// names (省地方金融监管局 → 省地方金融监督管理局) and gives each dept its kind;
// a name it does not list is kept and warned about. Generic references
// (有关部门, …成员单位, 有关市人民政府, 分管副省长) are groups, not depts;
// 各部门单位, 各部门 and 各单位 mean every dept.
//
// # Targets
//
// A target (量化指标) is a number with a measurement unit in a task's text:
// %, 个百分点, or an optional 万/亿/千/百 and a counting or measuring word (人,
// 元, 斤, 亩, 个, 家, 项, 公里, …). The indicator and verb are read from the
// phrase around it, between ，。；：、 marks, leaving out openers such as
// 力争, 确保 and 全省:
//
//	地区生产总值增长6.5%以上        >=   (以上, 达到, 不低于)
//	城镇调查失业率控制在5.5%以内    <=   (以内, 以下, 控制在, 不超过)
//	技工贸总收入突破6.5万亿元       >    (突破, 超过, 高于, …多)
//	居民消费价格涨幅3%左右          ~    (左右, 约)
//	城镇新增就业70万人              =    (a plain number)
//	培优育强22个优势产业链          the indicator follows the count
//	净增1000家以上A、1000家以上B    the second shares the first's verb
//	经济增长7.5%—8%                a range: >= its lower bound
//
// Chinese law reads 以上 and 以内 as inclusive. Years (2022年), months,
// editions (十九大, 第3届), codes (5G, IPv6, "3+3+2", "1+3"), hotlines
// (12345), ranks (500强) and durations (延长30年) are not targets, and
// neither are Chinese-numeral counts (十大). Displaced item numbers are
// removed before targets are sought.
//
// # Named lists
//
// 十大基础设施项目，即A、B、…  and  五个中心：A、B…  give the list's name, its
// declared size and its members; 十大民生实事。①…⑩ takes its members from the
// circled sub-items. A list whose member count differs from its declared
// size is warned about.
package extract
