import type { VFile } from 'vfile';

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
  errors: number;
  warnings: number;
  messages: FlatMessage[];
}

export function summarize(files: VFile[]): Summary {
  return { profiles: files.length, ...countMessages(files), messages: flatten(files) };
}

export function countMessages(files: VFile[]): { errors: number; warnings: number } {
  const messages = files.flatMap((f) => f.messages);
  const errors = messages.filter((m) => m.fatal === true).length;
  return { errors, warnings: messages.length - errors };
}

export type Reporter = (summary: Summary, options: { color: boolean }) => string;
