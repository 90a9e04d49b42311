/**
 * YAML read with its positions kept, so a validation problem can name the line people must fix
 * (`college-calendar.yaml:12: closures[1].to: …`) and not only a path.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

export type YamlPath = readonly PropertyKey[];

export interface YamlSource {
  /** The plain value (objects, arrays, strings, numbers…). */
  value: unknown;
  /** Syntax problems, each `line N: message`; when any, `value` should not be trusted. */
  syntaxErrors: string[];
  /** The 1-based line of the node at `path`, else of its nearest ancestor that exists. */
  lineOf(path: YamlPath): number | undefined;
}

/** Parses YAML (JSON is YAML too) keeping node ranges. */
export function readYaml(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const syntaxErrors = doc.errors.map((e) => {
    const line = e.linePos?.[0]?.line;
    const message = (e.message.split('\n')[0] ?? e.message).replace(
      / at line \d+, column \d+:?$/,
      '',
    );
    return `${line !== undefined ? `line ${line}: ` : ''}${message}`;
  });
  return {
    value: syntaxErrors.length > 0 ? undefined : doc.toJS(),
    syntaxErrors,
    lineOf: (path) => {
      const offset = nodeOffset(doc, path);
      return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    },
  };
}

/** Walks maps and sequences; map keys compare as text (`2027:` is the number 2027 in YAML). */
function nodeOffset(doc: Document, path: YamlPath): number | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const segment of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => String(isScalar(p.key) ? p.key.value : p.key) === String(segment),
      );
      // A problem with a key names the key's line even when its value is empty.
      next = pair ? (pair.value ?? pair.key) : undefined;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    const start = rangeStart(next);
    if (start === undefined) break;
    node = next;
    offset = start;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
}

/** `units[2].code`, the way people read a path (`(file)` for the root). */
export function formatPath(path: YamlPath): string {
  if (path.length === 0) return '(file)';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** `file:line: path: message` (the line left out when unknown). */
export function located(
  file: string,
  source: YamlSource | undefined,
  path: YamlPath,
  message: string,
): string {
  const line = source?.lineOf(path);
  return `${file}${line !== undefined ? `:${line}` : ''}: ${formatPath(path)}: ${message}`;
}

/** A zod issue as the paths it is about: an unknown key is reported at that key, one line each. */
export function issuePaths(issue: {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}): { path: YamlPath; message: string }[] {
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    return issue.keys.map((key) => ({ path: [...issue.path, key], message: 'unknown key' }));
  }
  return [{ path: issue.path, message: issue.message }];
}
