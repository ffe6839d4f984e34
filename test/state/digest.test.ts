/** `digestOf` is stored in ledgers: its value for given data must never change between versions. */
import { describe, expect, it } from 'vitest';
import { digestOf } from '../../src/state/index.ts';

describe('digestOf', () => {
  it('gives the same fingerprint as ever, whatever the key order; undefined members left out', () => {
    const value = { title: 'Hội thi', tags: ['a', 'b c'], privacy: 'public', madeForKids: false, publishAt: undefined, list: [undefined, 1.5, { z: 1, é: 2, Z: 3, '': null }] };
    const reordered = { list: [undefined, 1.5, { '': null, Z: 3, é: 2, z: 1 }], madeForKids: false, privacy: 'public', tags: ['a', 'b c'], title: 'Hội thi' };
    expect(digestOf(value)).toBe('119db697b815759e55a540e325983d77f5605e609e94eef91e80d82abd950d44');
    expect(digestOf(reordered)).toBe(digestOf(value));
  });
});
