import { describe, expect, it } from 'vitest';
import {
  bullet,
  DISTRIBUTED_HEADING,
  EMBEDDED_HEADING,
  figuresComment,
  readFigures,
  replaceSection,
} from './latest-run.ts';

const embedded = `${EMBEDDED_HEADING}\n\nnew embedded\n`;
const distributed = `${DISTRIBUTED_HEADING}\n\nnew distributed\n\n### Table\nrows\n`;
const both =
  '# Benchmarks\n\nintro\n\n' +
  `${EMBEDDED_HEADING}\n\nold embedded\n\n### Figures\nold\n\n` +
  `${DISTRIBUTED_HEADING}\n\nold distributed\n`;

describe('replaceSection', () => {
  it('replaces only the section with the same heading, up to the next section', () => {
    expect(replaceSection(both, embedded)).toBe(
      '# Benchmarks\n\nintro\n\n' +
        `${EMBEDDED_HEADING}\n\nnew embedded\n\n` +
        `${DISTRIBUTED_HEADING}\n\nold distributed\n`,
    );
  });

  it('replaces the last section to the end of the file, keeping its ### subsections apart', () => {
    expect(replaceSection(both, distributed)).toBe(
      '# Benchmarks\n\nintro\n\n' +
        `${EMBEDDED_HEADING}\n\nold embedded\n\n### Figures\nold\n\n` +
        `${DISTRIBUTED_HEADING}\n\nnew distributed\n\n### Table\nrows\n`,
    );
  });

  it('appends a section the document does not have yet', () => {
    expect(replaceSection('# Benchmarks\n\nintro\n', distributed)).toBe(
      `# Benchmarks\n\nintro\n\n${distributed}`,
    );
  });

  it('writes a default intro when there is no document yet', () => {
    const written = replaceSection(undefined, embedded);
    expect(written.startsWith('# Benchmarks\n')).toBe(true);
    expect(written.endsWith(`\n${embedded}`)).toBe(true);
  });

  it('does not mistake a heading that only starts the same for the section', () => {
    const existing = `# Benchmarks\n\n${EMBEDDED_HEADING} (2025)\nkeep\n`;
    expect(replaceSection(existing, embedded)).toBe(`${existing}\n${embedded}`);
  });

  it('refuses a section without a ## heading, which the next run could not find', () => {
    expect(() => replaceSection('# Benchmarks\n', 'figures\n')).toThrow();
    expect(() => replaceSection('# Benchmarks\n', '### Latest run\nfigures\n')).toThrow();
  });
});

describe('readFigures', () => {
  const document = replaceSection(
    both,
    `${EMBEDDED_HEADING}\n\n${figuresComment({ registerPerSecond: 945.2, p99Ms: 117.8 })}\n\ntext\n`,
  );

  it('reads back the figures written into a section', () => {
    expect(readFigures(document, EMBEDDED_HEADING)).toEqual({
      registerPerSecond: 945.2,
      p99Ms: 117.8,
    });
  });

  it('answers undefined for a section without figures, a missing section or no document', () => {
    expect(readFigures(document, DISTRIBUTED_HEADING)).toBeUndefined();
    expect(readFigures('# Benchmarks\n', EMBEDDED_HEADING)).toBeUndefined();
    expect(readFigures(undefined, EMBEDDED_HEADING)).toBeUndefined();
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
