/** zh and en: why a taught-words file (taizhang.json, the pane's import) is rejected, for its one line. */
import { format } from '../text/format';
import { Lang } from '../model/result';
import { TaughtProblem } from '../model/taught';

const EXPECTED: Record<Lang, Record<TaughtProblem['expected'], string>> = {
  zh: {
    object: '应为 JSON 对象 {…}',
    key: '不是可用的键，可用的键为 "headers"、"status"、"options"',
    field: '不是台账字段名，可用的字段名为 {fields}',
    state: '不是完成状态名，可用的状态名为 done、closed、in-progress、not-started、basically-done',
    words: '应为非空文字的数组，如 ["关闭"]',
    option: '不是可设置的选项，可用的选项为 dueSoonDays、immediateDays、replyDays、issuer',
    count: '应为 0 到 99999 的整数',
    text: '应为非空文字',
  },
  en: {
    object: 'must be a JSON object {…}',
    key: 'is not a known key; the keys are "headers", "status" and "options"',
    field: 'is not a ledger field; the fields are {fields}',
    state: 'is not a state; the states are done, closed, in-progress, not-started, basically-done',
    words: 'must be an array of non-empty texts, such as ["关闭"]',
    option: 'is not an option the file may set; the options are dueSoonDays, immediateDays, replyDays, issuer',
    count: 'must be a whole number from 0 to 99999',
    text: 'must be a non-empty text',
  },
};

/** "“status.finished” 不是完成状态名，…" : where the file is wrong and what belongs there. */
export function taughtProblemText(p: TaughtProblem, lang: Lang, fields: string[]): string {
  const what = format(EXPECTED[lang][p.expected], { fields: fields.join(lang === 'zh' ? '、' : ', ') });
  const where = p.path === '$' ? (lang === 'zh' ? '整个文件' : 'the file') : lang === 'zh' ? '“' + p.path + '”' : '"' + p.path + '"';
  return where + (lang === 'zh' ? '' : ' ') + what;
}

/** The JSON syntax error line. */
export function taughtSyntaxText(detail: string, lang: Lang): string {
  return lang === 'zh' ? '不是有效的 JSON（' + detail + '）' : 'it is not valid JSON (' + detail + ')';
}
