import { InputError } from '../errors.js';

/** Shard `index` (1-based) of `count`, as `render --shard 2/4` gives it. */
export interface Shard {
  index: number;
  count: number;
}

/** "2/4" -> { index: 2, count: 4 }; anything else is a usage mistake. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new InputError(`--shard '${text}': expected i/n, e.g. 2/4 for the second of four shards`);
  const shard = { index: Number(match[1]), count: Number(match[2]) };
  checkShard(shard, `--shard '${text}'`);
  return shard;
}

function checkShard({ index, count }: Shard, name: string): void {
  if (!Number.isSafeInteger(count) || count < 1) throw new InputError(`${name}: the number of shards must be at least 1`);
  if (!Number.isSafeInteger(index) || index < 1 || index > count) throw new InputError(`${name}: the shard must be from 1 to ${count}`);
}

/** 32-bit FNV-1a of the key's UTF-8 bytes: small, stable across runs, machines and Node versions. */
function fnv1a(key: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(key)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/**
 * The items of one shard. An item's shard depends on its key alone (use "<edition>/<slug>"),
 * so parallel jobs split a corpus without talking to each other, every item lands in exactly
 * one shard, and adding a profile moves no other.
 */
export function shardOf<T>(items: T[], key: (item: T) => string, shard: Shard): T[] {
  checkShard(shard, `shard ${shard.index}/${shard.count}`);
  return items.filter((item) => fnv1a(key(item)) % shard.count === shard.index - 1);
}
