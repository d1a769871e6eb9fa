import { assertCallShape, assertKeepsCommitments } from './call-shape';
import { CallsErrorCode } from './calls.errors';

const call = {
  opensOn: '2026-01-15',
  closesOn: '2026-04-30',
  envelopeCents: 1_000,
  axes: [
    { code: 'A', envelopeCents: 600 },
    { code: 'B', envelopeCents: null },
  ],
};

describe('call shape', () => {
  it('accepts a well-formed call and names what is wrong with the others', () => {
    expect(() => assertCallShape(call)).not.toThrow();
    expect(() => assertCallShape({ ...call, closesOn: '2026-01-14' })).toThrow(
      expect.objectContaining({ code: CallsErrorCode.CallDates }),
    );
    expect(() => assertCallShape({ ...call, axes: [{ code: 'A' }, { code: 'A' }] })).toThrow(
      expect.objectContaining({ code: CallsErrorCode.CallAxisRepeated }),
    );
    expect(() => assertCallShape({ ...call, envelopeCents: 599 })).toThrow(
      expect.objectContaining({ code: CallsErrorCode.CallAxesOverEnvelope }),
    );
  });

  it('keeps what is committed: axes in use, the call’s and each axis’s envelope', () => {
    const committed = { total: 500, byAxis: new Map([['A', 500]]) };
    expect(() => assertKeepsCommitments(call, committed, ['A', 'B'])).not.toThrow();
    expect(() => assertKeepsCommitments({ ...call, axes: [call.axes[0]] }, committed, ['A', 'B'])).toThrow(
      expect.objectContaining({ code: CallsErrorCode.CallAxisInUse, details: { axes: ['B'] } }),
    );
    expect(() => assertKeepsCommitments({ ...call, envelopeCents: 499 }, committed, [])).toThrow(
      expect.objectContaining({ code: CallsErrorCode.CallEnvelopeBelowCommitted }),
    );
    const axisBelow = { ...call, axes: [{ code: 'A', envelopeCents: 499 }] };
    expect(() => assertKeepsCommitments(axisBelow, committed, [])).toThrow(
      expect.objectContaining({
        code: CallsErrorCode.CallEnvelopeBelowCommitted,
        details: expect.objectContaining({ axisCode: 'A' }),
      }),
    );
  });
});
