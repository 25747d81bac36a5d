/**
 * Reading scenario files: YAML or JSON, an optional `extends` chain of overlays, validation
 * against the schema, and errors that name the file, the field path (and the line, for YAML),
 * what was expected and what was found.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ScenarioError } from '../errors.js';
import { Scenario } from './schema.js';

/** A validated scenario with where it came from. */
export interface LoadedScenario {
  scenario: Scenario;
  /** Absolute paths, the file itself first, then what it extends. */
  files: string[];
  /** The merged document before defaults, as JSON text: what the run records. */
  source: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MAX_EXTENDS_DEPTH = 16;

interface ParsedFile {
  data: Json;
  doc: Document | null;
  lines: LineCounter | null;
}

function readScenarioText(file: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new ScenarioError(file, [{ path: '', message: 'is not a file' }]);
    size = st.size;
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    throw new ScenarioError(file, [{ path: '', message: 'cannot be read: no such file' }]);
  }
  if (size > MAX_FILE_BYTES) {
    throw new ScenarioError(file, [
      { path: '', message: `is ${size} bytes; scenario files are limited to ${MAX_FILE_BYTES}` },
    ]);
  }
  const bytes = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ScenarioError(file, [{ path: '', message: 'is not valid UTF-8 text' }]);
  }
  if (text.trim() === '') throw new ScenarioError(file, [{ path: '', message: 'is empty' }]);
  return text;
}

/** Parses YAML or JSON text (JSON is YAML) into plain data, with line information. */
export function parseScenarioText(text: string, file: string): ParsedFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      file,
      doc.errors.slice(0, 5).map((err) => {
        const pos = err.linePos?.[0];
        return {
          path: pos ? `line ${pos.line}, column ${pos.col}` : '',
          message: (err.message.split('\n')[0] ?? err.message).replace(/ at line \d+, column \d+:?$/, ''),
        };
      }),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new ScenarioError(file, [{ path: '', message: (e as Error).message }]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ScenarioError(file, [
      { path: '', message: `expected a mapping of settings, found ${describeValue(data)}` },
    ]);
  }
  return { data: data as Json, doc, lines };
}

/** A short description of a found value for error messages. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `the value ${v}`;
  return typeof v;
}

function isPlainObject(v: Json | undefined): v is { [k: string]: Json } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Deep-merges an overlay onto a base: mappings merge key by key; lists of mappings that all
 * have an `id` merge by id (an overlay entry changes the base entry with that id, or adds
 * one); any other list, and any scalar, replaces. `null` in the overlay removes a key.
 */
export function mergeOverlay(base: Json, overlay: Json): Json {
  if (isPlainObject(base) && isPlainObject(overlay)) {
    const out: { [k: string]: Json } = { ...base };
    for (const [k, v] of Object.entries(overlay)) {
      if (v === null) delete out[k];
      else out[k] = k in base ? mergeOverlay(base[k] as Json, v) : v;
    }
    return out;
  }
  if (
    Array.isArray(base) &&
    Array.isArray(overlay) &&
    [...base, ...overlay].every((e) => isPlainObject(e) && typeof e.id === 'string')
  ) {
    const out = base.slice();
    for (const entry of overlay) {
      const id = (entry as { id: string }).id;
      const at = out.findIndex((e) => (e as { id: string }).id === id);
      if (at >= 0) out[at] = mergeOverlay(out[at] as Json, entry);
      else out.push(entry);
    }
    return out;
  }
  return overlay;
}

function resolveChain(file: string, seen: string[]): { data: Json; files: string[]; parsed: ParsedFile } {
  const abs = resolve(file);
  if (seen.includes(abs)) {
    throw new ScenarioError(abs, [
      { path: 'extends', message: `extends itself through ${[...seen, abs].join(' → ')}` },
    ]);
  }
  if (seen.length >= MAX_EXTENDS_DEPTH) {
    throw new ScenarioError(abs, [
      { path: 'extends', message: `the extends chain is deeper than ${MAX_EXTENDS_DEPTH}` },
    ]);
  }
  const parsed = parseScenarioText(readScenarioText(abs), abs);
  const data = parsed.data as { [k: string]: Json };
  const parent = data.extends;
  if (parent === undefined) return { data, files: [abs], parsed };
  if (typeof parent !== 'string' || parent.trim() === '') {
    throw new ScenarioError(abs, [
      { path: 'extends', message: `expected the path of a scenario file, found ${describeValue(parent)}` },
    ]);
  }
  const base = resolveChain(resolve(dirname(abs), parent), [...seen, abs]);
  const { extends: _drop, ...rest } = data;
  const baseData = { ...(base.data as { [k: string]: Json }) };
  delete baseData.extends;
  return { data: mergeOverlay(baseData, rest), files: [abs, ...base.files], parsed };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Formats a path like `policy.donation.completionRisk[3]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function lineOf(parsed: ParsedFile, path: readonly PropertyKey[]): string {
  if (!parsed.doc || !parsed.lines) return '';
  for (let n = path.length; n > 0; n--) {
    const node = parsed.doc.getIn(path.slice(0, n) as (string | number)[], true) as
      { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) {
      const pos = parsed.lines.linePos(node.range[0]);
      return ` (line ${pos.line})`;
    }
  }
  return '';
}

/** Turns zod issues into messages saying what was expected and what was found. */
export function issuesToMessages(
  error: z.ZodError,
  data: unknown,
  parsed: ParsedFile | null,
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const visit = (issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): void => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      if (issue.code === 'invalid_union' && issue.errors.length > 0) {
        // Report the branch that got furthest, rather than every branch's complaint.
        const best = issue.errors.reduce((a, b) => (deepest(b) > deepest(a) ? b : a));
        if (deepest(best) > 0) {
          visit(best, path);
          continue;
        }
        const expected = issue.errors.flatMap((branch) =>
          branch
            .filter((i) => i.code === 'invalid_type' && i.path.length === 0)
            .map((i) => (i.code === 'invalid_type' ? i.expected : '')),
        );
        if (expected.length === issue.errors.length) {
          const words = [...new Set(expected)].map((x) =>
            x === 'object' ? 'a mapping such as {min, max}' : x,
          );
          out.push({
            path: formatPath(path) + (parsed ? lineOf(parsed, path) : ''),
            message: `expected ${words.join(' or ')}, found ${describeValue(valueAt(data, path))}`,
          });
          continue;
        }
      }
      const found = valueAt(data, path);
      let message = issue.message;
      if (issue.code === 'invalid_type') {
        message = `expected ${issue.expected}, found ${describeValue(found)}`;
      } else if (issue.code === 'unrecognized_keys') {
        message = `unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
      } else if (
        issue.code === 'too_small' ||
        issue.code === 'too_big' ||
        issue.code === 'invalid_value' ||
        issue.code === 'invalid_format'
      ) {
        message = `${issue.message.replace(/^Too (small|big): /, '').replace(/^Invalid input: /, '')}, found ${describeValue(found)}`;
      } else if (issue.code === 'custom' && found !== undefined && typeof found !== 'object') {
        message = `${issue.message}, found ${describeValue(found)}`;
      }
      out.push({ path: formatPath(path) + (parsed ? lineOf(parsed, path) : ''), message });
    }
  };
  visit(error.issues, []);
  return out;
}

function deepest(issues: readonly z.core.$ZodIssue[]): number {
  return issues.reduce((m, i) => Math.max(m, i.path.length + (i.code === 'invalid_type' ? 0 : 1)), 0);
}

/**
 * Validates already-parsed scenario data (used by the loader and by tests and fuzzers).
 * @throws ScenarioError naming `file` and each field at fault.
 */
export function validateScenario(data: unknown, file: string, parsed: ParsedFile | null = null): Scenario {
  const result = Scenario.safeParse(data);
  if (!result.success) throw new ScenarioError(file, issuesToMessages(result.error, data, parsed));
  return result.data;
}

/**
 * Loads, merges and validates a scenario file.
 * @example const { scenario } = loadScenario('examples/small.yaml')
 */
export function loadScenario(file: string): LoadedScenario {
  const { data, files, parsed } = resolveChain(file, []);
  // Line numbers are only meaningful when nothing was merged into the file.
  const scenario = validateScenario(data, resolve(file), files.length === 1 ? parsed : null);
  return { scenario, files, source: JSON.stringify(data) };
}

/** Validates scenario text given directly (the API and tests). */
export function loadScenarioText(text: string, file = '<text>'): LoadedScenario {
  const parsed = parseScenarioText(text, file);
  if (isPlainObject(parsed.data) && parsed.data.extends !== undefined) {
    throw new ScenarioError(file, [
      { path: 'extends', message: 'a scenario given as text cannot extend a file' },
    ]);
  }
  const scenario = validateScenario(parsed.data, file, parsed);
  return { scenario, files: [], source: JSON.stringify(parsed.data) };
}
