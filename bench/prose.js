// @ts-check
/**
 * `npm run bench:prose`: the quality of the chronicle's prose, measured. Runs the canon world
 * (examples/canon.yaml) and examples/small.yaml seed 7, writes Kathy's memoir and the memoirs
 * of the first ten clones by id who became carers in the small world, and prints `name: value`
 * lines: the four measures of `prose-metrics.py` that have goals (facts told in three or more
 * paragraphs, triggered memories per paragraph, repeated sentences, distinct 3-gram ratio) for
 * each memoir, the sentences found in three or more of the ten, and the runs of eight words
 * shared with the source documents (`seed-overlap.py`). Goals: facts_told_3plus 0,
 * triggered_share >= 0.33, repeated_sentences 0, distinct_3gram_ratio >= 0.9,
 * shared_sentences_3plus 0, seed_overlap_runs 0.
 *
 * Options: --keep DIR writes the worlds and memoirs there instead of a temporary directory.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeChronicle } from '../dist/chronicle/index.js';
import { toMarkdown } from '../dist/chronicle/render.js';
import { runScenario } from '../dist/run/index.js';
import { loadScenario } from '../dist/scenario/load.js';
import { openWorld } from '../dist/store/reader.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TOOLS = resolve(ROOT, '..', 'shared', 'tools');
const { values } = parseArgs({ options: { keep: { type: 'string' } } });
const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'hailsham-prose-'));
mkdirSync(dir, { recursive: true });

/** Runs a scenario into a world database in the scratch directory. */
function world(
  /** @type {string} */ scenario,
  /** @type {number | undefined} */ seed,
  /** @type {string} */ name,
) {
  const out = join(dir, `${name}.db`);
  runScenario(loadScenario(resolve(ROOT, scenario)), {
    out,
    force: true,
    ...(seed !== undefined ? { seed } : {}),
  });
  return out;
}

/** Measures of prose-metrics.py for one memoir, as a map. */
function metrics(/** @type {string} */ db, /** @type {string} */ json) {
  const r = spawnSync('python3', [join(TOOLS, 'prose-metrics.py'), db, json], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`prose-metrics.py failed on ${json}: ${r.stderr}`);
  return new Map(
    r.stdout
      .trim()
      .split('\n')
      .map((l) => /** @type {[string, string]} */ (l.split(': '))),
  );
}

const SHOWN = [
  'words',
  'paragraphs',
  'facts_told_3plus',
  'triggered_share',
  'repeated_sentences',
  'distinct_3gram_ratio',
];

/** Writes one memoir as JSON and Markdown, prints its measures, returns its sentences. */
function memoirOf(
  /** @type {string} */ db,
  /** @type {number | undefined} */ narrator,
  /** @type {string} */ name,
) {
  const w = openWorld(db);
  try {
    const c = writeChronicle(w, narrator === undefined ? { kind: 'memoir' } : { kind: 'memoir', narrator });
    const json = join(dir, `${name}.json`);
    writeFileSync(json, JSON.stringify(c));
    writeFileSync(join(dir, `${name}.md`), toMarkdown(c, { ids: 'none' }));
    const m = metrics(db, json);
    for (const k of SHOWN) console.log(`${name}.${k}: ${m.get(k)}`);
    return {
      m,
      sentences: c.sections.flatMap((s) =>
        s.paragraphs.flatMap((p) => p.sentences.map((x) => x.text.trim())),
      ),
    };
  } finally {
    w.close();
  }
}

const canonDb = world('examples/canon.yaml', undefined, 'canon');
const canon = memoirOf(canonDb, undefined, 'canon');

const smallDb = world('examples/small.yaml', 7, 'small-7');
const sw = openWorld(smallDb);
const ids = sw
  .all("SELECT id FROM people WHERE kind = 'clone' AND carer_on IS NOT NULL ORDER BY id LIMIT 10")
  .map((/** @type {any} */ r) => /** @type {number} */ (r.id));
sw.close();
const ten = ids.map((id) => memoirOf(smallDb, id, `small-7-${id}`));

const seen = new Map();
for (const t of ten) for (const s of new Set(t.sentences)) seen.set(s, (seen.get(s) ?? 0) + 1);
const shared = [...seen.entries()].filter(([, n]) => n >= 3);

const overlap = spawnSync('python3', [join(TOOLS, 'seed-overlap.py'), dir], { encoding: 'utf8' });
const runs = Number(/(\d+) shared runs/.exec(overlap.stdout)?.[1] ?? '0');

const worst = (/** @type {string} */ k, /** @type {(a: number, b: number) => number} */ pick) =>
  [canon, ...ten].map((t) => Number(t.m.get(k))).reduce((a, b) => pick(a, b));
console.log(`all.facts_told_3plus_max: ${worst('facts_told_3plus', Math.max)}`);
console.log(`all.triggered_share_min: ${worst('triggered_share', Math.min)}`);
console.log(`all.repeated_sentences_max: ${worst('repeated_sentences', Math.max)}`);
console.log(`all.distinct_3gram_ratio_min: ${worst('distinct_3gram_ratio', Math.min)}`);
console.log(`ten.shared_sentences_3plus: ${shared.length}`);
for (const [s, n] of shared.slice(0, 10)) console.log(`  shared ${n}x: ${s}`);
console.log(`seed_overlap_runs: ${runs}`);
if (overlap.status !== 0)
  console.log(
    overlap.stdout
      .trim()
      .split('\n')
      .slice(0, 10)
      .map((l) => `  ${l}`)
      .join('\n'),
  );
if (!values.keep) rmSync(dir, { recursive: true, force: true });
