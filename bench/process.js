// Whole-process timing for the benchmarks: each command is run as a user runs it, from the
// start of node to its exit, several times in turns, and the median kept.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** Runs `node <args>` in the project once; throws unless it exits 0; resolves to its wall time in ms. */
export function timeNode(args, env = {}) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  return ms;
}

/**
 * Median wall times of several commands, run in turns (a, b, c, a, b, c, ...) after one warm-up
 * round, so that a change in the machine's load weighs on every figure alike.
 */
export function medians(commands, repeats) {
  for (const command of commands) command();
  const times = commands.map(() => []);
  for (let i = 0; i < repeats; i += 1) commands.forEach((command, index) => times[index].push(command()));
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}

/** "1.8x (target <= 3x) ok" */
export function ratio(value, floor, target) {
  const r = value / floor;
  return `${r.toFixed(2)}x (target <= ${target}x) ${r <= target ? 'ok' : 'OVER'}`;
}
