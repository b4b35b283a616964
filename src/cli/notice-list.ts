/**
 * summary --notices: which department got which file, and the 督办单/提醒单 files an earlier run left
 * in the folder that this run did not write (named, never deleted: they may have been sent already).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Lang } from '../core';
import { cliText } from './messages';
import { NOTICE_FILE, NoticeFile } from './run-summary';

/** The notice files in `dir` that this run did not write, by name. */
export function staleNotices(dir: string, notices: NoticeFile[]): string[] {
  const written: Record<string, true> = Object.create(null);
  notices.forEach((n) => (written[path.basename(n.file)] = true));
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((f) => NOTICE_FILE.test(f) && !written[f]).sort();
}

/** One line per notice written (department: file), for the terminal. */
export function noticeLines(notices: NoticeFile[], lang: Lang): string {
  return notices.filter((n) => !n.error)
    .map((n) => cliText(lang, 'notices.item', { dept: n.dept, file: path.basename(n.file) }) + '\n').join('');
}

/** The one line naming the files of an earlier run, or null when there are none. */
export function staleLine(stale: string[], lang: Lang): string | null {
  return stale.length ? cliText(lang, 'notices.stale', { count: stale.length, list: stale.join(lang === 'zh' ? '、' : ', ') }) : null;
}
