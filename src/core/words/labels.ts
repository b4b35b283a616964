/**
 * The display labels of flags and states, shared by the check engine (the 期限状态 column) and the
 * summary sheets. A flag is always shown as this text, never as colour alone.
 */
import { Flag, State } from '../model/ledger';
import { Lang } from '../model/result';

export const FLAG_LABELS: Record<Lang, Record<Flag, string>> = {
  zh: {
    done: '已完成',
    overdue: '逾期',
    'due-soon': '临期',
    'on-track': '正常推进',
    'long-term': '长期坚持',
    'no-deadline': '无期限',
  },
  en: {
    done: 'Done',
    overdue: 'Overdue',
    'due-soon': 'Due soon',
    'on-track': 'On track',
    'long-term': 'Long-term',
    'no-deadline': 'No deadline',
  },
};

export const STATE_LABELS: Record<Lang, Record<State, string>> = {
  zh: {
    'not-started': '未启动',
    'in-progress': '推进中',
    'basically-done': '基本完成',
    done: '已完成',
    closed: '已销号',
    unknown: '未知',
  },
  en: {
    'not-started': 'Not started',
    'in-progress': 'In progress',
    'basically-done': 'Basically done',
    done: 'Done',
    closed: 'Closed',
    unknown: 'Unknown',
  },
};

/** The conditional-format style of each flag: Excel's built-in Good / Neutral / Bad, or none. */
export const FLAG_STYLES: Record<Flag, 'good' | 'neutral' | 'bad' | null> = {
  done: 'good',
  overdue: 'bad',
  'due-soon': 'neutral',
  'on-track': null,
  'long-term': null,
  'no-deadline': null,
};

/**
 * 逾期15天 or 剩余3天 (15 days overdue, 3 days left): the one way every surface states an item's days (the
 * check notes, the terminal report, the 督办单, the comparison sheets). A bare -15 reads as a sign error.
 */
export function daysPhrase(lang: Lang, daysLeft: number): string {
  const n = Math.abs(daysLeft);
  if (lang === 'zh') return (daysLeft < 0 ? '逾期' : '剩余') + n + '天';
  return n + (n === 1 ? ' day' : ' days') + (daysLeft < 0 ? ' overdue' : ' left');
}
