import cliProgress from 'cli-progress';
import type { Io } from './io.js';
import { escapeUnprintable } from '../text/unprintable.js';

/** How a batch shows its advance: a bar on a terminal, one line per profile elsewhere (CI logs). */
export interface Progress {
  /** One profile done; `problem` is printed as well when there is one. */
  done(label: string, problem?: string): void;
  stop(): void;
}

function barProgress(total: number): Progress {
  // The bar is drawn on stdout, the stream io.interactive looked at; problems are printed above it.
  const bars = new cliProgress.MultiBar(
    { format: 'rendering {bar} {value}/{total} | {eta_formatted} left | {label}', hideCursor: true, stream: process.stdout },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(total, 0, { label: '' });
  return {
    done(label, problem) {
      if (problem) bars.log(`${problem}\n`);
      bar.increment({ label });
    },
    stop: () => bars.stop(),
  };
}

function lineProgress(io: Io, total: number): Progress {
  let count = 0;
  const width = String(total).length;
  return {
    done(label, problem) {
      count += 1;
      if (problem) io.stderr(`${escapeUnprintable(problem)}\n`);
      else io.stdout(`[${String(count).padStart(width)}/${total}] ${escapeUnprintable(label)}\n`);
    },
    stop: () => undefined,
  };
}

export function createProgress(io: Io, total: number): Progress {
  return io.interactive ? barProgress(total) : lineProgress(io, total);
}
