/**
 * The core's façade: what the hosts (src/cli, src/xlsx, src/excel, src/taskpane, src/xlsxlite) may use.
 * The core is pure TypeScript (no Office.js, Node or DOM), laid out by pipeline stage:
 *   model/      the shapes hosts and JSON readers see: Grid, Item, CheckResult, Summary, SheetSpec
 *   text/       domain-free helpers: dates, A1 addresses, normalization, departments, formatting
 *   words/      zh and en: the glossary, labels and the messages of each surface
 *   read/       Grid -> items: header words and detection, our columns, the ledger, three lists,
 *               stated dates, and the deadline and status grammars each cell is read with
 *   check/      items -> CheckResult: flags, rules, findings; checkWorkbook is the entry point
 *   aggregate/  CheckResult[] -> Summary, Comparison, a period's progress
 *   sheets/     -> SheetSpec[] and AnnotationPlan: the table engine, summary sheets, 通报, 督办单, compare sheets
 * A stage imports only from the stages listed above it (scripts/layout.js checks it in npm test).
 */
export { CHANGE_KINDS } from './model/comparison';
export type { Change, ChangeKind, ChangeSide, Comparison, PeriodProgress } from './model/comparison';
export type { CellValue, Grid, IsoDate } from './model/grid';
export { FLAGS } from './model/ledger';
export type { FieldKey, Flag, HeaderMap } from './model/ledger';
export { DEFAULTS } from './model/options';
export type { CheckedItem, CheckOptions, CheckResult, Finding, Lang, Totals } from './model/result';
export type { AnnotationPlan, CellStyle, SheetSpec, SpecCell, SpecChart, SpecHeaderFooter, SpecLink, StyleKey } from './model/spec';
export type { Summary, SummaryFinding, SummaryItem } from './model/summary';
export type { TaughtProblem, TaughtWords } from './model/taught';
export { diffDays, isIsoDate, isoToSerial, isValidYmd, serialToIso, ymd } from './text/dates';
export { format } from './text/format';
export { cellAt, cellText, gridLeft, gridRight, isDateNumberFormat, isDateValue } from './text/grid';
export { a1, cellRef, colLetter, colNumber, quoteSheet, rangeRef, refColumn } from './text/a1';
export { ruleName, t } from './words/check';
export { COMPARE_TEXT } from './words/compare';
export type { SinceSource } from './words/compare';
export { isTaizhangError, taizhangError, userMessage } from './words/errors';
export type { TaizhangError } from './words/errors';
export { GLOSSARY, term } from './words/glossary';
export { daysPhrase, FLAG_LABELS, FLAG_STYLES, STATE_LABELS } from './words/labels';
export { SUMMARY_TEXT, summarySheetNames } from './words/summary';
export { taughtProblemText, taughtSyntaxText } from './words/taught';
export { FIELD_SYNONYMS } from './read/fields';
export { detectHeader } from './read/header';
export type { HeaderCandidate } from './read/header';
export { readStatedDates } from './read/stated';
export { isTaughtProblem, parseTaught, TAUGHT_STATES } from './read/taught';
export type { TaughtFile } from './read/taught';
export { findThreeLists } from './read/threelists';
export type { ThreeLists } from './read/threelists';
export { checkWorkbook, statedFilledIn } from './check/check';
export type { LedgerChoice } from './check/check';
export { totalsKey } from './check/flags';
export { comparable, compareResults } from './aggregate/compare';
export { periodProgress } from './aggregate/period';
export { summarize } from './aggregate/summary';
export { currentVersion, earlierCandidates, headerLikeness, SAME_LEDGER } from './aggregate/versions';
export { planAnnotations } from './sheets/annotation';
export { compareSheets, sideText } from './sheets/compare';
export type { CompareSheetOptions } from './sheets/compare';
export { safeSheetNames } from './sheets/names';
export { isReminder, noticeBookSheets, noticeDepartments, noticeNumberOf, noticeSheets } from './sheets/notice';
export type { DocumentOptions } from './sheets/print';
export { formatRate } from './sheets/report';
export { STYLES } from './sheets/styles';
export { summarySheets } from './sheets/summary';
export type { DocBlock, DocModel, DocParagraph, DocRun, DocStyle, DocTable } from './model/document';
export { tongbaoDocument } from './sheets/tongbao';
export type { TongbaoOptions } from './sheets/tongbao';
