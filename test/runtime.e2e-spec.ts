import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { satisfies } from 'semver';
import { ROOT } from './support/env';

/**
 * Node.js 20 is out of support: the project runs on the Node.js 26 that package.json pins as the `node`
 * dev dependency, which `npm test` and `npm run demo` fetch on a machine whose own Node is older.
 */
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json'));
const pinned: string = pkg.devDependencies.node;

describe('Runtime', () => {
  it('pins one exact Node.js 26 release as the `node` dev dependency', () => {
    expect(pinned).toMatch(/^26\.\d+\.\d+$/);
  });

  it('runs the tests, and the api, worker and CLI they spawn with process.execPath, on that release', () => {
    expect(process.version).toBe(`v${pinned}`);
  });

  it('finds that release as `node` on PATH, which npm scripts, npx and the demo script start', () => {
    expect(execFileSync('node', ['--version'], { encoding: 'utf8' }).trim()).toBe(`v${pinned}`);
  });

  it('agrees with engines, .nvmrc, .node-version and the Docker image', () => {
    expect(satisfies(pinned, pkg.engines.node)).toBe(true);
    expect(read('.nvmrc').trim()).toBe('26');
    expect(read('.node-version').trim()).toBe(pinned);
    const images = [...read('docker/Dockerfile').matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(images).toEqual(['node:26-trixie-slim', 'node:26-trixie-slim']);
  });

  it("accepts this Node.js in every installed package's engines", () => {
    const lock = JSON.parse(read('package-lock.json'));
    const refusing = Object.keys(lock.packages)
      .filter((path) => path && existsSync(join(ROOT, path, 'package.json')))
      .map((path) => ({ path, range: JSON.parse(read(join(path, 'package.json'))).engines?.node }))
      .filter(({ range }) => typeof range === 'string' && !satisfies(process.version, range));
    expect(refusing).toEqual([]);
  });
});
