import { describe, expect, it } from 'vitest';
import { bullet, replaceLatestRun } from './latest-run.ts';

const section = '## Latest run\n\nnew figures\n';

describe('replaceLatestRun', () => {
  it('keeps the intro and replaces the old section to the end of the file', () => {
    const existing = '# Benchmarks\n\nintro\n\n## Latest run\n\nold figures\n\n### Table\nold\n';
    expect(replaceLatestRun(existing, section)).toBe(
      '# Benchmarks\n\nintro\n\n## Latest run\n\nnew figures\n',
    );
  });

  it('appends the section to a document that has none', () => {
    expect(replaceLatestRun('# Benchmarks\n\nintro\n', section)).toBe(
      '# Benchmarks\n\nintro\n\n## Latest run\n\nnew figures\n',
    );
  });

  it('writes a default intro when there is no document yet', () => {
    const written = replaceLatestRun(undefined, section);
    expect(written.startsWith('# Benchmarks\n')).toBe(true);
    expect(written.endsWith('\n## Latest run\n\nnew figures\n')).toBe(true);
  });

  it('does not mistake a deeper heading for the section', () => {
    const existing = '# Benchmarks\n\n### Latest run notes\nkeep\n';
    expect(replaceLatestRun(existing, section)).toContain('### Latest run notes\nkeep\n');
  });

  it('refuses a section without the heading, which the next run could not find', () => {
    expect(() => replaceLatestRun('# Benchmarks\n', 'figures\n')).toThrow();
  });
});

describe('bullet', () => {
  it('wraps at the width and indents continuation lines under the text', () => {
    const text = 'one two three four five six';
    expect(bullet(text, 14)).toBe('- one two\n  three four\n  five six');
    for (const line of bullet('word '.repeat(60)).split('\n')) {
      expect(line.length).toBeLessThanOrEqual(100);
    }
  });

  it('keeps a word longer than the width whole on its own line', () => {
    expect(bullet('a https://example.com/a-very-long-address b', 10)).toBe(
      '- a\n  https://example.com/a-very-long-address\n  b',
    );
  });
});
