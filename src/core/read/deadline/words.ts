/** The deadline words (docs/rules.md, "Deadlines"): 立行立改, 长期坚持, blanks and 待定, matched in the normalized text. */

/** Words that make a cell 'immediate' (立行立改). Matched as substrings of the normalized, lower-case text. */
export const IMMEDIATE_WORDS: string[] = [
  '立行立改',
  '即知即改',
  '立即整改',
  '立即',
  '马上就办',
  '即时整改',
  '即查即改',
  '边查边改',
  // 立查立改 (inspection feedback), 边审边改 (audit reports), 当场整改 / 现场整改 (hazard checks: "能立即整改的需当场整改")
  '立查立改',
  '边审边改',
  '立知立改',
  '当场整改',
  '现场整改',
  'immediately',
  'immediate',
];

/** Words that make a cell 'long-term' when it holds no date, and set `ongoing` when it does. */
export const LONG_TERM_WORDS: string[] = [
  '长期坚持',
  '长期',
  '持续推进',
  '持续整改',
  '持续坚持',
  '常态化',
  '长效',
  '常抓不懈',
  '持续开展',
  '久久为功',
  '长期推进',
  'ongoing',
  'continuous',
  'continuing',
  'long-term',
  'long term',
];

/** Cell texts that mean "nothing filled in" and are treated like a blank cell ('none'). */
export const BLANK_PLACEHOLDERS: string[] = ['-', '/', '\\', '无', '暂无', 'n/a', 'na'];

/**
 * Words that say the deadline is not decided yet: without a date beside them the cell is 'unparsed'
 * with reason 'pending' (完成时限待定), which is not the same as a blank cell.
 */
export const PENDING_WORDS: string[] = [
  '待定',
  '待确定',
  '另行确定',
  '另行安排',
  '另行通知',
  '视情况而定',
  'tbd',
  'tbc',
  'to be determined',
  'to be confirmed',
];
