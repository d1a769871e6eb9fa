import { spawn } from 'node:child_process';
import { ROOT } from '../support/env';
import { Stack } from '../support/stack';

/**
 * Fault: 200 grant commitments totalling three times the envelope arrive at once. The full run
 * (100 rounds) is `node bench/grant-race.mjs`; here a few rounds run against this suite's api.
 */
describe('resilience: 200 concurrent grant commitments on one envelope', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start('res-grant-race', { worker: false });
  });
  afterAll(() => stack.stop());

  it('never commits above the envelope; successes = floor(envelope / amount); no 5xx; one audit row per success', async () => {
    const args = ['bench/grant-race.mjs', '--smoke', '--api', stack.baseUrl, '--database', stack.env.DATABASE_URL];
    const bench = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    bench.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    bench.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => bench.on('exit', resolve));

    expect({ code, output }).toEqual({ code: 0, output: expect.stringMatching(/summary: 3 rounds .* no violation/) });
    expect(output.match(/^round \d+: 66\/200 granted \(expected 66\), 134 × 409, 0 × 5xx/gm)).toHaveLength(3);
  }, 120_000);
});
