import type { VFile } from 'vfile';
import { plural } from '../text/english.js';

/** One validation message, flat: what every reporter formats. */
export interface FlatMessage {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  ruleId: string;
  message: string;
}

export function flatten(files: VFile[]): FlatMessage[] {
  return files.flatMap((file) =>
    file.messages.map((m) => ({
      file: file.path,
      line: m.line ?? 1,
      column: m.column ?? 1,
      severity: m.fatal === true ? ('error' as const) : ('warning' as const),
      ruleId: m.ruleId ?? 'unknown',
      message: m.reason,
    })),
  );
}

export interface Summary {
  profiles: number;
  /** Profiles not asked for that the ones checked make wrong (their ranks, say): their messages are counted too. */
  affected: number;
  errors: number;
  warnings: number;
  messages: FlatMessage[];
}

/**
 * The messages of profile files, of editions as a whole (counted as messages, not as profiles), and
 * of the other profiles of their editions that the files make wrong.
 */
export function summarize(files: VFile[], editionFiles: VFile[] = [], affected: VFile[] = []): Summary {
  const all = [...editionFiles, ...files, ...affected];
  return { profiles: files.length, affected: affected.length, ...countMessages(all), messages: flatten(all) };
}

export function countMessages(files: VFile[]): { errors: number; warnings: number } {
  const messages = files.flatMap((f) => f.messages);
  const errors = messages.filter((m) => m.fatal === true).length;
  return { errors, warnings: messages.length - errors };
}

export type Reporter = (summary: Summary, options: { color: boolean }) => string;

/** "386 profiles checked: 0 errors, 1 warning": the last line of every format. */
export function summaryLine({ profiles, affected, errors, warnings }: Summary): string {
  const others = affected > 0 ? `, ${plural(affected, 'other profile')} affected` : '';
  return `${plural(profiles, 'profile')} checked${others}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
