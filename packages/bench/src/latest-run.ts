// docs/benchmarks.md keeps a hand-written intro; each benchmark replaces only its own "Latest run"
// section (from its `## ` heading to the next `## ` heading or the end of the file).

export const EMBEDDED_HEADING = '## Latest run: embedded';
export const DISTRIBUTED_HEADING = '## Latest run: distributed';

const DEFAULT_INTRO = `# Benchmarks

\`npm run bench\` measures the one-process platform, then the services on PostgreSQL, Kafka and
FerretDB, on the machine it runs on. Each "Latest run" section below is rewritten by its run.
`;

const headingOf = (section: string): string => {
  const heading = section.split('\n', 1)[0] ?? '';
  if (!/^## \S/.test(heading)) throw new Error('a section must start with a "## " heading');
  return heading;
};

/** The line index range [start, end) of the section under `heading`, or undefined. */
function sectionRange(lines: readonly string[], heading: string): [number, number] | undefined {
  const start = lines.indexOf(heading);
  if (start === -1) return undefined;
  const next = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return [start, next === -1 ? lines.length : next];
}

/**
 * The document with the section that has `section`'s heading replaced by `section`, or with
 * `section` appended when the document has none. Everything else is kept as it was.
 */
export function replaceSection(existing: string | undefined, section: string): string {
  const heading = headingOf(section);
  const document = existing === undefined || existing.trim() === '' ? DEFAULT_INTRO : existing;
  const lines = document.split('\n');
  const range = sectionRange(lines, heading);
  const body = section.trimEnd();
  if (range === undefined) return `${document.trimEnd()}\n\n${body}\n`;
  const before = lines.slice(0, range[0]).join('\n').trimEnd();
  const after = lines.slice(range[1]).join('\n').trim();
  return `${before}\n\n${body}\n${after === '' ? '' : `\n${after}\n`}`;
}

const FIGURES_COMMENT = /^<!-- figures: (\{.*\}) -->$/m;

/** Figures another run compares against, kept in the section as an HTML comment (not rendered). */
export const figuresComment = (figures: Record<string, number>): string =>
  `<!-- figures: ${JSON.stringify(figures)} -->`;

/** The figures comment of the section under `heading`; undefined when there is none. */
export function readFigures(
  document: string | undefined,
  heading: string,
): Record<string, number> | undefined {
  if (document === undefined) return undefined;
  const lines = document.split('\n');
  const range = sectionRange(lines, heading);
  if (range === undefined) return undefined;
  const json = FIGURES_COMMENT.exec(lines.slice(...range).join('\n'))?.[1];
  if (json === undefined) return undefined;
  const parsed = JSON.parse(json) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(parsed).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number',
    ),
  );
}

/** A markdown list item wrapped at 100 columns, continuation lines indented under its text. */
export function bullet(text: string, width = 100): string {
  const lines: string[] = [];
  let line = '-';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line.length + 1 + word.length > width && line.trim() !== '-') {
      lines.push(line);
      line = ' ';
    }
    line += ` ${word}`;
  }
  return [...lines, line].join('\n');
}
