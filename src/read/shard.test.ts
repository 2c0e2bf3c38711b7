import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectProfiles } from './collect.js';
import { parseShard, shardOf } from './shard.js';
import { bundledContent, bundledFiles } from '../testing/support.js';

/** "goci-2021/azerbaijan": the key a profile is sharded by, whatever folder the content is in. */
const keyOf = (path: string) => `${basename(path.slice(0, path.lastIndexOf('/')))}/${basename(path, '.md')}`;

describe('shards', () => {
  it('cover every bundled profile exactly once, for 1 to 7 shards', async () => {
    const profiles = await collectProfiles([bundledContent]);
    expect(profiles).toHaveLength(bundledFiles); // every country of every edition and the translations
    for (let count = 1; count <= 7; count++) {
      const shards = Array.from({ length: count }, (_, i) => shardOf(profiles, keyOf, { index: i + 1, count }));
      expect(shards.flat().sort()).toEqual(profiles);
      for (const shard of shards) expect(shard.length).toBeGreaterThan(0);
    }
  });

  it('depend on the key alone: the same profile lands in the same shard with any other profiles around it', async () => {
    const profiles = await collectProfiles([bundledContent]);
    const third = shardOf(profiles, keyOf, { index: 3, count: 4 });
    expect(shardOf([...profiles].reverse(), keyOf, { index: 3, count: 4 }).sort()).toEqual(third);
    expect(shardOf(profiles.filter((_, i) => i % 2 === 0), keyOf, { index: 3, count: 4 })).toEqual(third.filter((p) => profiles.indexOf(p) % 2 === 0));
  });

  it('parse from "i/n" with 1 <= i <= n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(() => parseShard('2-4')).toThrow("--shard '2-4': expected i/n, e.g. 2/4 for the second of four shards");
    expect(() => parseShard('0/4')).toThrow("--shard '0/4': the shard must be from 1 to 4");
    expect(() => parseShard('5/4')).toThrow("--shard '5/4': the shard must be from 1 to 4");
    expect(() => parseShard('1/0')).toThrow("--shard '1/0': the number of shards must be at least 1");
    expect(() => shardOf([], String, { index: 1.5, count: 2 })).toThrow('shard 1.5/2: the shard must be from 1 to 2');
  });
});
