import { describe, expect, it } from 'vitest';
import { parsePositionDetailQuery, serializePositionDetailQuery, toggleCompared } from './positions-route-query';

const budi = '199001012015031002';
const dedi = '198801012012011004';
const rina = '199205102018032003';

describe('position detail URL', () => {
  it('round-trips the tab, the list options, the compared pair and the page', () => {
    const query = { tab: 'candidates', all: '1', min: 'KURANG_OPTIMAL', cmp: `${budi},${dedi}`, after: 'c20', page: '2' };
    const state = parsePositionDetailQuery(query);
    expect(state).toEqual({
      tab: 'candidates', eligibleOnly: false, minCategory: 'KURANG_OPTIMAL', compare: [budi, dedi], position: { page: 2, after: 'c20', before: null },
    });
    expect(serializePositionDetailQuery(state)).toEqual(query);
  });

  it('keeps one picked candidate, and leaves defaults and an empty comparison out', () => {
    expect(serializePositionDetailQuery(parsePositionDetailQuery({ tab: 'candidates', cmp: budi }))).toEqual({ tab: 'candidates', cmp: budi });
    expect(serializePositionDetailQuery(parsePositionDetailQuery({ cmp: '' }))).toEqual({});
  });

  it('drops what cannot be compared: masked or short NIPs, repeats and a third NIP', () => {
    expect(parsePositionDetailQuery({ cmp: `******************,${budi},123,${budi},${dedi},${rina}` }).compare).toEqual([budi, dedi]);
  });
});

describe('picking candidates to compare', () => {
  it('adds up to two in pick order, refuses a third and removes an unticked one', () => {
    expect(toggleCompared([], budi, true)).toEqual([budi]);
    expect(toggleCompared([budi], dedi, true)).toEqual([budi, dedi]);
    expect(toggleCompared([budi, dedi], rina, true)).toEqual([budi, dedi]);
    expect(toggleCompared([budi], budi, true)).toEqual([budi]);
    expect(toggleCompared([budi, dedi], budi, false)).toEqual([dedi]);
    expect(toggleCompared([dedi], rina, true)).toEqual([dedi, rina]);
  });
});
