// Package extract reads a 分工意见 (the document that splits a 《政府工作报告》,
// or a list of 民生实事, into numbered key tasks and names the units
// responsible for each) and builds the one model every exporter reads: a
// [Document] of items, tasks, responsible depts, leaders, quantitative
// targets and named lists. [Read] decodes and normalises the input (see the
// Input section, in doc_input.go); [Parse] builds the model from the
// normalised lines; [ParseFile] does both.
//
// The rules are those a 督查室 clerk applies by eye, for any government. They
// are general, not tied to one document's lines, and their words (labels,
// role words, leader titles, group words, web-page noise, table headers,
// stated conventions) are data: templates/grammar.yaml, overridable like
// every template. Body names are read by package orgname
// (templates/orgnames.yaml).
//
// # Stages
//
// Parse runs in stages, each a small pure step with its own tests, as a
// compiler's front end does:
//
//  1. Read (read.go): bytes → lines, and the cells of table rows.
//  2. Fold (fold.go): a second spelling of each line for matching only:
//     Traditional → Simplified (OpenCC's t2s tables), 【】〔〕［］〖〗 → （）.
//     Folding keeps every character at its byte offset, so whatever is found
//     in the folded line is taken from the line as written: the model keeps
//     the text as written. Pinyin glosses a mirror site put inside names
//     (經(jīng)貿(mào)委) are not text and are dropped.
//     Lines wrapped at a page's width are joined (unwrap.go), and a label
//     whose value stands on the next line gets it back (values.go).
//  3. Classify (classify.go): an ordered table of line rules gives each
//     line a kind: blank, web-page noise (navigation, 发布时间, 分享到,
//     返回首页, viewer page markers, breadcrumbs), section heading, item,
//     sub-heading, label line, text.
//  4. Fixups (fixup.go): repairs of damaged numbering, each run only where
//     its damage is seen and announced by its own warning.
//  5. Blocks (parse.go, table.go): sections, items and tables.
//  6. Clauses (clause.go, tasks.go): the recognisers of responsibility.
//  7. Resolve (depts.go): names into depts, groups and leaders.
//  8. Enrich (targets.go, lists.go): targets and named lists.
//
// # Items and numbering
//
// An item starts at a line that opens with its number. The forms, in the
// usual nesting: 第一部分 > 一、 > （一） ㈠ > 1. 1、 1． 1﹒ ⒈ or 第一条 > （1） (1) 1) ⑴ > ① ❶,
// with 一是 too, and 1 followed by a space before the text (not 100 万元).
// A bullet (● ■ ◆ ★ ▲ • ·) opening a line is dropped. A document with no
// numbers and no headings at all is read as a list of paragraphs: each line
// that closes with a clause, or that label lines follow, is an item. Which form numbers the items is decided per document: the
// form under which most responsibility clauses stand (a tie goes to the
// deeper form). Forms above it are sections (一、, 第一部分, 附件1) and
// sub-headings (（一） in a 1. document: kept as sections with a Parent,
// never dropped; one that names units is an item of its own); forms below
// it are points inside an item. A heading's numeral must count up, so
// 一、二、三产业 inside prose is not a heading. A heading may name a
// leader (四、卢山副省长牵头重点工作): the section's Leader, and every
// task's in it. Numbers may run on through the whole document or start
// again under each heading; then an item's Key carries its section (四.3).
// Text before the first item is the preamble: the title is its first 《…》
// naming a 分工, 意见 or 方案 (inner 〈〉 made 《》 again), else its 关于…的通知,
// else the first short line that names what the document is (分解, 方案,
// 清单, 实事, …; joined to the line before when a title breaks over two:
// 国务院关于促进… / …的若干意见), else a short first line; a mirror site's
// "-某某网" suffix and a 名称： label are cut.
//
// Unnumbered paragraphs under a heading that close with a clause (由…负责
// 落实。) are items of their own.
//
// # Fixups
//
//	glued-items       …负责）（二）… and …协办）2.… split at the next item's
//	                  number; a document saved on one line splits into its
//	                  headings and items the same way
//	glued-heading     …负责）六、扎实推动区域协调发展 split off the line
//	displaced-number  …负责）36: the next item's number at the end of the
//	                  line before it
//	placeholder       a （ left at a line end stands for the next item
//	lost-number       after a heading, an unnumbered line starts an item
//	split-clause      a clause wrapped across two lines is read whole
//	split-label       a label line's list of units that ends in 、 or ，
//	                  goes on on the next line (配合单位：县自然资源局、 /
//	                  县农业农村局、各乡镇), read as one line
//	cut-clause        a clause the page's end cut off, its parenthesis left
//	                  open, is read as closed where the text ends
//	wrapped-lines     a document broken at the page's width (copied out of
//	                  a PDF) has each full line joined to the next, before
//	                  the lines are classified (unwrap.go)
//
// Such numbers are marked number_inferred. Numbers that jump or repeat are
// kept as written and warned about; keys stay unique (3, then 3-2).
//
// # Tasks and clauses
//
// Each responsibility clause closes one task, whose text is the text since
// the previous clause; the lines of an item join with a boundary that no
// number or name runs across. The recognisers, in order:
//
// The label line, on a line of its own or after a sentence:
//
//	1.推进重大项目建设。
//	牵头单位：省发展改革委                  (牵头责任单位 牵头部门 主办单位 主办)
//	责任单位：省财政厅、省自然资源厅          (配合单位 协办单位 协办 参与单位 协同责任单位 主要责任单位)
//	责任领导：张三                          (牵头领导 分管领导 主管领导 分管省领导 牵头负责领导)
//	完成时限：2022年12月底前                (完成时间 时间节点 进度安排)
//	部门分工：市农业农村局牵头，各县区配合。   (the value is itself a clause)
//	【牵头单位】市营商环境局【配合单位】市财政局   (labels in brackets, one after another)
//
// The parenthesis, in （）() and, folded, 【】〔〕［］, whose parts (split at
// ， ； , ; and sentences at 。) end in a role word or carry a label:
//
//	（X牵头）                                    X leads
//	（X、Y牵头，A、B等按职责分工负责）              X, Y lead; A, B co
//	（A、B等按职责分工负责） （A负责） （A配合）      no lead: A, B co
//	（X、Y分别负责）                               X, Y respective
//	（各部门单位分别负责）                          every dept (all)
//	（有关部门按职责分工负责）                      a group, not a dept
//	（牵头单位：X；责任单位：Y，各乡、镇人民政府）    X leads; Y co; a group
//	（主办：X；协办：Y）                           X leads; Y co
//	（责任单位：X（牵头）、Y）                      X leads; Y co
//	责任单位：X（牵头单位），Y、Z（配合单位）         X leads; Y, Z co (the note dropped)
//	（X牵头，A按职责分工负责，年内持续推进）          deadline inside
//	（X牵头）（2022年6月底前）                      deadline beside
//	（分管副省长、协管副秘书长负责，X牵头）           leaders, then X leads
//
// Names without a role word before a role part share that part's role; a
// label's values run on past commas until the next label. A parenthesis of
// nothing but unit names (（市发改委） （市经委、环保局）) names the task's units,
// co; one that names no responsibility (海峡两岸产业合作区（湖南）) is text.
//
// The sentence, closing an item's text:
//
//	由市财政局、农业局，各县（市）、区人民政府负责落实。   co, and a group
//	市国资委牵头，市财政局、市人社局配合。              X leads; A, B co
//	具体由市科技局负责，市财政局按职责分工配合。         X leads; A co
//	县营商办（牵头），县市场监管局、县行政审批局         X leads; A, B co
//
// A sentence of role parts is taken only when every part names units (or
// groups) and closes with a role word: 坚持政府引导、市场主导、企业负责 is
// text. Names may be apart by 、 及 以及 a space or a slash (市住建局/市水利局).
//
// The table column: see Tables.
//
// A clause at the very start of a line belongs to text that was cut away:
// the task is kept with empty text and a warning, except right after an
// item's own number (1.（市发改委牵头）推进……), where the clause governs the
// text after it. Circled sub-items ①…⑳ each carry their own clause; the
// words before ① introduce them, open the first task's text and name the
// list they form. Text after an item's last clause is kept as a task that
// names no dept, with a warning.
//
// A clause on a heading (一、稳住经济大盘（牵头单位：市发改委）) or label lines
// right under it, before its first item, are every item's of the section,
// beside the item's own: 市发改委 leads 1. and 2. below, and 市住建局 is
// co on 2. When the numbered lines under such headings carry clauses of
// their own, they are the items; when none does, the headings are.
//
// # Stated conventions
//
// A document may state how its clauses are read. The statement holds from
// where it stands on, in the clause that states it too:
//
//	列第一位的为牵头单位 / 列第一者为牵头单位，下同     of two or more units, the first leads
//	明确牵头部门的，有关部门配合，不逐一列出，下同       有关部门 on every task with a lead
//	具体任务均涉及相关市（州）人民政府，不再做分工，下同   that group on every task after
//	除特别注明的外，各县（市、区）政府都是配合单位       those units co on every task after
//	各主要责任单位要充分发挥牵头抓总作用              主要责任单位 leads (stated_leads)
//
// A first-is-lead statement in the notice (分工方案中列第一位的为牵头单位) holds
// for the whole document after it.
//
// # Tables
//
// Tables come structured from .docx, HTML, .xlsx and .csv (see Input), or
// flattened into text: a pipe table (cell | cell |), one cell per line,
// or space-separated rows under a header line (序号 名称 工作任务 牵头责任单位,
// even at the end of a long line). The header names the columns:
//
//	序号 编号                                           the item's number
//	工作任务 重点工作 任务内容 目标任务 预期目标 民生实事 …   the task's text
//	项目名称 名称                                        a short label of the item
//	牵头单位 牵头责任单位 牵头部门 主办单位                 lead
//	配合单位 协办单位 参与单位                            co
//	责任单位 承办单位                                    co (lead by a stated convention)
//	责任领导 牵头领导 分管领导                            leaders
//	完成时限 完成时间 计划完成时间 时间节点                 deadline, verbatim
//	建设地点 (a place), 当前进度 完成情况 备注 (progress)     read, never a unit or a target
//
// A second header row under merged header cells names the columns it
// splits. A row whose number (or name) cell holds a number starts an item;
// a row with a task cell is a task of that item; a row with only units
// (and a deadline) adds its units to the task above; a task with no unit
// cell takes the units of the task above (a merged cell belongs to every
// row it spans); a pipe row with fewer cells than the header holds the
// header's last cells. Flattened one cell per line, the cells after a
// row's number are read by what they hold: the task, then unit names, a
// time limit, and another task (a sub-row of the same item).
//
// # Depts, groups and leaders
//
// Lists split on 、 及 以及 and spaces; 等 is dropped; 各乡、镇人民政府 and
// 各县（市）、区人民政府 stay one group. Elliptical lists are expanded by the
// grammar of body names: a shared prefix (省商务厅、财政厅 → 省财政厅;
// 市经委、环保局 → 市环保局) and a shared suffix (长沙、株洲市人民政府 →
// 长沙市人民政府; 人民大垸、荒湖管理区 → 人民大垸管理区), never giving a level to
// a vertical body, a company or another government. A name marked （牵头）
// leads.
//
// Every name goes through the dept [Directory] when the document has one,
// then the grammar: a name that parses as a body (level or place + stem +
// type suffix: 省发展改革委, 六安市财政局, 长沙海关, 城投集团, 经开区) is a
// dept with the grammar's kind (党委部门, 人大政协, 政府部门, 垂直管理单位,
// 群团组织, 事业单位, 企业, 功能区, 下级政府); one that does not is kept and
// warned about. Spellings the grammar says are one body of one government
// (市发改委, 市发展改革委, 市发展和改革委员会; 发改委 in a 市 document) are one
// dept, named by the fullest spelling the document uses, the others its
// aliases, as are the spellings as written (Traditional characters).
// Generic references (有关部门, …成员单位, 各乡镇人民政府, 市直各部门) are
// groups; 各部门单位, 各部门 and 各单位 mean every dept. People (分管副省长,
// 张三 after 责任领导：, names ending in a leader's title) are leaders, never
// depts.
//
// # Targets
//
// A target (量化指标) is a number with a measurement unit in a task's text:
// %, ‰, 个百分点, or an optional 万/亿/千/百 and a counting or measuring word
// (人, 元, 斤, 亩, 个, 家, 项, 公里, 穴, 标箱, …). The indicator and verb are read
// from the phrase around it, between ，。；：、 marks, leaving out openers
// such as 力争, 确保, 全省 and comparisons such as 同口径比上年:
//
//	地区生产总值增长6.5%以上        >=   (以上, 达到, 达, 不低于)
//	城镇调查失业率控制在5.5%以内    <=   (以内, 以下, 控制在, 不超过)
//	技工贸总收入突破6.5万亿元       >    (突破, 超过, 高于, …多)
//	居民消费价格涨幅3%左右          ~    (左右, 约)
//	城镇新增就业70万人              =    (a plain number, 提高到)
//	培优育强22个优势产业链          the indicator follows the count
//	城区再新建1个农贸市场           …and after a verb, for a counted thing
//	对人民中路等3条城区道路          …and after 等 or a preposition
//	达到3260亿元，增长12%          the second takes the first's indicator
//	净增1000家以上A、1000家以上B    the second shares the first's verb
//	经济增长7.5%—8%                a range: >= its lower bound
//	分别增长7.5%、8%               a target each, one indicator
//	引进名师、名长70人               one target for the names listed
//	村卫生室（社区卫生服务站）10家    a note inside the phrase is kept
//	新建（改建）10家标准化老年食堂     a verb with its note, the thing after
//	潞讯精密电子30条生产线           no verb: whose, and the thing after
//	1.抓好600个省级重点产业项目      a point's number is no part of it
//	100米以上医疗卫生机构            what a bound measures: no target
//
// Chinese law reads 以上 and 以内 as inclusive. Years (2022年), months,
// editions (十九大, 第3届), codes (5G, IPv6, "3+3+2"), hotlines (12345),
// ranks (500强) and durations (延长30年) are not targets, and neither are
// Chinese-numeral counts (十大), numbers in a table's deadline, place or
// progress columns, or a table's number column.
//
// # Named lists
//
// 十大基础设施项目，即A、B、… and 五个中心：A、B… give the list's name, its
// declared size and its members; 十大民生实事。①…⑩ takes its members from the
// circled sub-items; 沿京广、沪昆、渝长厦通道的三大经济带 names its members first;
// A、B等8家卫生院 lists some of eight. A list whose member count differs from
// its declared size is warned about.
//
// # Limits
//
// A document is refused with ErrTooLarge, naming the limit, past
// [MaxLines] lines, a line of [MaxLineSize] bytes, [MaxItems] items,
// [MaxTasks] tasks or [MaxDepts] depts. Every stage is linear in the input.
package extract
