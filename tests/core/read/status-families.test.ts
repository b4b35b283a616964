/**
 * Status words as the ledger families write them (docs/rules.md, "Status"): rectification (巡视, 巡察,
 * 审计, 督察), hazard (隐患排查治理), supervision (督查督办) and audit findings, in both scripts; the
 * grammar that places words no list names (已X, X完毕, X到位, X通过, 闭环, 关闭, 销号, 办结; 未X, 尚未X,
 * 待X, X中, 正在X); yes/no marks only under a yes/no question; and taught words before all of them.
 */
import fc from '../../fast-check';
import { parseState, stateFromRow } from '../../../src/core/read/status';
import { isTaughtProblem, parseTaught } from '../../../src/core/read/taught';
import { State } from '../../../src/core/model/ledger';
import { checkWorkbook } from '../../../src/core/check/check';

type Row = [string, State];

const FAMILIES: { [family: string]: Row[] } = {
  rectification: [
    ['已完成', 'done'], ['已整改', 'done'], ['整改完毕', 'done'], ['整改到位', 'done'], ['已销号', 'closed'], ['销号', 'closed'],
    ['正在推进', 'in-progress'], ['整改中', 'in-progress'], ['未完成', 'in-progress'], ['尚未整改', 'not-started'], ['未启动', 'not-started'],
    ['待销号', 'done'], ['基本完成', 'basically-done'], ['已完成整改', 'done'], ['已整改到位', 'done'],
    ['已銷號', 'closed'], ['整改中（持續）', 'in-progress'], ['已完成整改', 'done'],
  ],
  hazard: [
    ['关闭', 'closed'], ['已关闭', 'closed'], ['闭环', 'closed'], ['已闭环', 'closed'], ['關閉', 'closed'], ['开放', 'not-started'],
    ['未关闭', 'in-progress'], ['未闭环', 'in-progress'], ['已消除', 'done'], ['已处理', 'done'], ['复查合格', 'unknown'],
    ['复查通过', 'done'], ['验收通过', 'done'], ['不合格', 'in-progress'], ['整改中', 'in-progress'], ['待复查', 'in-progress'],
    ['待整改', 'in-progress'], ['治理中', 'in-progress'], ['已整改', 'done'], ['未整改', 'not-started'],
  ],
  supervision: [
    ['办结', 'done'], ['已办结', 'done'], ['未办结', 'in-progress'], ['尚未办结', 'in-progress'], ['办理中', 'in-progress'],
    ['正在办理', 'in-progress'], ['已逾期', 'in-progress'], ['已超期', 'in-progress'], ['已延期', 'in-progress'], ['待办', 'in-progress'],
    ['已辦結', 'done'], ['辦理中', 'in-progress'], ['落实到位', 'done'], ['已落实', 'done'], ['已启动', 'in-progress'],
  ],
  audit: [
    ['已整改', 'done'], ['已纠正', 'done'], ['已追回', 'done'], ['整改完毕', 'done'], ['正在整改', 'in-progress'],
    ['部分整改', 'basically-done'], ['未整改', 'not-started'], ['审核通过', 'done'], ['审核中', 'in-progress'], ['已驳回', 'in-progress'],
    ['已完成初稿', 'unknown'], ['见附件', 'unknown'],
  ],
};

describe.each(Object.keys(FAMILIES))('the %s family', (family) => {
  test.each(FAMILIES[family])('%p -> %s', (text, state) => {
    expect(parseState(text)).toBe(state);
  });
});

describe('yes/no marks count only under a yes/no question', () => {
  test.each<[string, boolean, State]>([
    ['是', true, 'done'],
    ['√', true, 'done'],
    ['否', true, 'not-started'],
    ['×', true, 'not-started'],
    ['是', false, 'unknown'],
    ['√', false, 'unknown'],
    ['否', false, 'unknown'],
    ['Yes', false, 'unknown'],
  ])('%p, yes/no column %p -> %s', (text, yesNo, state) => {
    expect(parseState(text, { yesNo })).toBe(state);
  });

  test('a progress cell is not a status: 已形成初稿 is a step, 整改到位 the end', () => {
    expect(stateFromRow('', '已形成初稿', '', false)).toBe('unknown');
    expect(stateFromRow('', '整改到位', '', false)).toBe('done');
    expect(stateFromRow('', '已关闭', '', false)).toBe('closed');
  });
});

describe('which headers ask a yes/no question (checked as a ledger)', () => {
  /** One ledger, its status column headed `status`, two items: 是 and 否. */
  const states = (status: string) =>
    checkWorkbook(
      [
        {
          name: '台账',
          rows: [
            ['序号', '整改措施', '牵头部门', '完成时限', status],
            [1, '修订议事规则', '办公室', '2022-06-30', '是'],
            [2, '追缴违规资金', '财务处', '2022-06-30', '否'],
          ],
        },
      ],
      { asOf: '2022-07-15' },
    ).items.map((i) => i.state);

  test.each<[string, State[]]>([
    ['是否完成', ['done', 'not-started']],
    ['整改情况(是/否)', ['done', 'not-started']],
    // A header that names completion itself asks "done?" (the bundled sample's 完成状态 holds one 是 and one 否).
    ['完成状态', ['done', 'not-started']],
    ['办结状态', ['done', 'not-started']],
    // A header that asks which state asks no yes/no question: 是 answers nothing there.
    ['状态', ['unknown', 'unknown']],
    ['整改状态', ['unknown', 'unknown']],
    ['隐患状态', ['unknown', 'unknown']],
    ['办理状态', ['unknown', 'unknown']],
  ])('under %p', (header, expected) => {
    expect(states(header)).toEqual(expected);
  });
});

describe('a negated word is never done (property)', () => {
  const NEGATIONS = ['未', '尚未', '暂未', '还未', '没有', '不', '无法', '不能'];
  const WORDS = ['完成', '整改', '关闭', '闭环', '办结', '销号', '通过', '合格', '到位', '落实', '验收', '整改到位', '整改完毕', '处理', '消除', '全部完成', '复查'];
  const FILLER = ['', '。', ' ', '！', '（', '）'];
  test('negation + done word (+ filler) is never done or closed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NEGATIONS), fc.constantFrom(...WORDS), fc.constantFrom(...FILLER), fc.boolean(), (neg, word, filler, traditional) => {
        let text = neg + word + filler;
        if (traditional) text = text.replace(/关闭/g, '關閉').replace(/办结/g, '辦結').replace(/销号/g, '銷號').replace(/处理/g, '處理');
        const s = parseState(text);
        return s !== 'done' && s !== 'closed';
      }),
    );
  });
});

describe('taught words come first (taizhang.json "status")', () => {
  const file = parseTaught({ status: { done: ['关闭'], 'in-progress': ['已上报'] }, headers: { problem: ['隐患点'] } });

  test('the file is read', () => {
    expect(isTaughtProblem(file)).toBe(false);
  });

  test('a taught word means what it was taught, over the built-in reading', () => {
    if (isTaughtProblem(file)) throw new Error('rejected');
    expect(parseState('关闭', { taught: file.taught })).toBe('done');
    expect(parseState(' 關閉 ', { taught: file.taught })).toBe('done');
    expect(parseState('关闭')).toBe('closed');
    expect(parseState('已上报', { taught: file.taught })).toBe('in-progress');
  });

  test.each<[unknown, string, string]>([
    [[], '$', 'object'],
    [{ status: { finished: ['关闭'] } }, 'status.finished', 'state'],
    [{ status: { done: '关闭' } }, 'status.done', 'words'],
    [{ status: { done: [''] } }, 'status.done', 'words'],
    [{ headers: { responsible: ['x'] } }, 'headers.responsible', 'field'],
    [{ options: { dueSoonDays: -1 } }, 'options.dueSoonDays', 'count'],
    [{ options: { issuer: 3 } }, 'options.issuer', 'text'],
    [{ options: { colour: 'red' } }, 'options.colour', 'option'],
    [{ statuses: {} }, 'statuses', 'key'],
  ])('%j is rejected at %s (%s)', (json, at, expected) => {
    expect(parseTaught(json)).toEqual({ path: at, expected });
  });
});
