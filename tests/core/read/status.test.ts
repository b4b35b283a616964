import { parseState, stateFromRow, normalizeStatusText } from '../../../src/core/read/status';
import { State } from '../../../src/core/model/ledger';

function table(rows: string[], state: State) {
  test.each(rows)('%p', (text) => expect(parseState(text)).toBe(state));
}

describe('closed', () => {
  table(['已销号', '销号', 'Closed', 'closed', 'Verified', 'verified and closed', '已闭环', '已完成，已销号', '已销号（2022年7月1日）'], 'closed');
});

describe('not closed: close-out pending or missing', () => {
  describe('待销号 and friends mean done, awaiting close-out', () => {
    table(['待销号', '已完成，待销号', '已完成整改尚未销号', '已完成整改，未销号', '申请销号', '拟销号', '已完成，尚未销号'], 'done');
  });
  describe('未销号 alone says nothing about the work', () => {
    table(['未销号', '尚未销号', 'not closed', 'not yet verified'], 'unknown');
  });
});

describe('done', () => {
  table(
    [
      '已完成',
      '完成',
      '完成整改',
      '已整改',
      '整改完成',
      '已落实',
      '已办结',
      '已经完成',
      '是',
      '√',
      '✓',
      'done',
      'Done',
      'completed',
      'Complete',
      'implemented',
      'yes',
      'YES',
      '已完成 ',
      '已完成。',
      '已完成（见附件）',
      '已完成 2022.6.30',
      '已于2022年6月完成',
      '已于2022.6.30完成',
      '已完成整改',
      '已整改到位',
      '已全部完成',
      '完成100%',
      '已提前完成整改',
      '１００％完成', // half-width first: "100%完成" ends with 完成
      '已完成，长期坚持',
      '已完成并长期坚持',
      '已经完成，长期坚持',
      '已完成，持续推进',
      '整改完毕',
    ],
    'done',
  );
});

describe('basically done is not done', () => {
  table(['基本完成', '阶段性完成', '部分完成', '部分整改', '已整改未到位', '基本完成，持续推进', '初步完成', 'partially done', 'Partly implemented'], 'basically-done');
});

describe('in progress', () => {
  table(
    [
      '正在推进',
      '推进中',
      '整改中',
      '正在整改',
      '持续推进',
      '持续整改',
      '按序时推进',
      '进行中',
      'in progress',
      'In Progress',
      'ongoing',
      '待审核',
      '被驳回',
      '已驳回，重新整改中',
      '长期坚持',
      '正在落实',
      '正在完成',
    ],
    'in-progress',
  );
});

describe('negated done: not done, but under way', () => {
  table(
    [
      '未完成',
      '尚未完成',
      '没有完成',
      '未完成但达到序时进度',
      '滞后',
      '整改滞后',
      'not done',
      'incomplete',
      'Not completed',
      '未全部完成',
      '尚未整改到位',
      '已完成80%',
      '完成了60%',
      '未完成，长期坚持',
    ],
    'in-progress',
  );
});

describe('not started', () => {
  table(['未启动', '未开始', '未整改', '尚未整改', '尚未启动', '否', 'not started', 'Not yet started', 'open', 'Open', 'no', '×'], 'not-started');
});

describe('unknown', () => {
  table(['', '   ', '见附件', '张三', '2022年6月', '/', '按要求', 'disclosed to the board', 'abandoned'], 'unknown');
  test('null-ish input', () => expect(parseState(undefined as unknown as string)).toBe('unknown'));
});

describe('progress paragraphs: the start decides, then explicit phrases', () => {
  test.each<[string, State]>([
    ['已完成。制定了《干部教育培训管理办法》，并于2022年5月印发实施。', 'done'],
    ['已完成，修订完善了相关制度3项。', 'done'],
    ['正在推进，已完成初稿，下一步将征求意见后印发。', 'in-progress'],
    ['正在推进。已完成初稿的起草工作，目前正在征求意见。', 'in-progress'],
    ['已完成初稿，正在征求意见。', 'in-progress'],
    ['已完成初稿，下一步提交党委会审议。', 'in-progress'],
    ['已完成整改。下一步将巩固成果。', 'done'],
    ['按照工作安排，目前已完成。', 'done'],
    ['按照整改方案，已全部完成整改任务。', 'done'],
    ['结合实际，该问题已完成整改，建立了长效机制。', 'done'],
    ['针对该问题，制定了整改方案，计划于2022年12月底前完成整改。', 'unknown'],
    ['针对该问题，制定了整改方案，6月底前完成整改。', 'unknown'],
    ['针对该问题，已完成方案起草，尚未完成印发。', 'in-progress'],
    ['经研究，已基本完成，剩余事项持续推进。', 'basically-done'],
    ['该项工作尚未启动，已纳入下半年计划。', 'not-started'],
    ['经核查，已完成整改，已销号。', 'closed'],
    ['经核查，整改到位，待销号。', 'done'],
    // 已办结 says done wherever it stands (a phrase); 办结 alone only at the end of the first clause.
    ['经督查组复核，该事项已办结。', 'done'],
    ['该事项已办结并归档，资料齐全。', 'done'],
    ['按照要求，正在推进相关工作，已完成80%。', 'in-progress'],
    ['按照要求，相关工作正在推进中。', 'in-progress'],
    ['经党委会研究，印发了《实施方案》，明确了责任分工。', 'unknown'],
  ])('%p -> %s', (text, state) => expect(parseState(text)).toBe(state));
});

describe('normalizeStatusText', () => {
  test.each([
    ['已完成（见附件）', '已完成'],
    ['已完成，长期坚持', '已完成'],
    ['计划6月底前完成整改', ''],
    ['ＤＯＮＥ', 'done'],
  ])('%p -> %p', (text, out) => expect(normalizeStatusText(text)).toBe(out));
});

describe('stateFromRow', () => {
  test.each<[string, string, string, boolean, State]>([
    // A close-out date or 已销号 closes the row, whatever the status says.
    ['正在推进', '', '2022-07-01', true, 'closed'],
    ['已完成', '', '2022年7月1日', true, 'closed'],
    ['', '已完成', '2022.7.1', false, 'closed'],
    ['', '', '2022/7/1 张三审核', false, 'closed'],
    ['已完成', '', '已销号', true, 'closed'],
    ['已完成', '', '２０２２年７月１日', true, 'closed'],
    // A close-out cell without a date (a name, 未销号) does not.
    ['已完成', '', '张三', true, 'done'],
    ['已完成', '', '未销号', true, 'done'],
    ['已完成', '', '   ', true, 'done'],
    // The status column when it says something...
    ['基本完成', '已完成。', '', true, 'basically-done'],
    ['未完成', '已完成。', '', true, 'in-progress'],
    ['否', '', '', true, 'not-started'],
    // ...else the progress text.
    ['', '已完成。制定了办法。', '', true, 'done'],
    ['见附件', '正在推进，已完成初稿。', '', true, 'in-progress'],
    ['未销号', '已完成整改。', '', true, 'done'],
    // No status column: the status text is ignored, progress decides.
    ['已完成', '正在推进', '', false, 'in-progress'],
    ['', '已完成整改尚未销号', '', false, 'done'],
    ['', '', '', false, 'unknown'],
    ['', '', '', true, 'unknown'],
  ])('status %p, progress %p, close-out %p, hasStatus %p -> %s', (status, progress, closeOut, hasStatus, state) => {
    expect(stateFromRow(status, progress, closeOut, hasStatus)).toBe(state);
  });
});

describe('hostile paragraphs (their speed is measured in npm run bench)', () => {
  test('long repetitive text gets a state without throwing', () => {
    for (const text of ['前完成'.repeat(3000), '计划'.repeat(5000), '1'.repeat(10000), '（'.repeat(10000), 'a '.repeat(5000)]) {
      expect(['not-started', 'in-progress', 'basically-done', 'done', 'closed', 'unknown']).toContain(parseState(text));
    }
  });
});

describe('traditional script reads like simplified', () => {
  test.each<[string, State]>([
    ['已銷號', 'closed'],
    ['正在推進', 'in-progress'],
    ['整改中', 'in-progress'],
    ['已完成，長期堅持', 'done'],
    ['基本完成', 'basically-done'],
    ['尚未整改', 'not-started'],
    ['未完成', 'in-progress'],
    ['待銷號', 'done'],
  ])('%p -> %s', (text, state) => expect(parseState(text)).toBe(state));
});
