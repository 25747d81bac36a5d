/**
 * Settings a scenario may legally give that cannot change its world: a deferral threshold when
 * no deferral is ever granted, school-life rates when no school is simulated in full, a school
 * closing after the run ends. The file is valid, so these are warnings, not errors: each names
 * the setting and the file, says why it does nothing, and how to silence it. Only what the
 * author wrote counts (the merged document before defaults), never a default.
 */
import { parseIsoDate } from '../engine/calendar.js';
import { warnings } from '../warnings.js';
import type { LoadedScenario } from './load.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a path of the author's document, or undefined. */
function written(doc: unknown, path: readonly (string | number)[]): unknown {
  let v = doc;
  for (const k of path) {
    if (typeof k === 'number' ? !Array.isArray(v) : !isObject(v)) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/**
 * Reports, through the warnings channel, every setting of a loaded scenario that has no effect
 * on its world, and returns how many it found.
 * @example warnSettingsWithoutEffect(loadScenario('my-world.yaml'))
 */
export function warnSettingsWithoutEffect(loaded: LoadedScenario): number {
  const { scenario } = loaded;
  const file = loaded.files[0] ?? scenario.name;
  const doc: unknown = JSON.parse(loaded.source);
  let found = 0;
  const warn = (code: string, message: string) => {
    found++;
    warnings.warn(code, `${file}: ${message}`);
  };

  if (scenario.policy.deferral.granted === 'never') {
    for (const key of ['threshold', 'years'] as const) {
      if (written(doc, ['policy', 'deferral', key]) === undefined) continue;
      warn(
        'no-effect',
        `policy.deferral.${key} has no effect: policy.deferral.granted is 'never', so no deferral is granted; set granted to 'similarity' to use it, or remove the setting`,
      );
    }
  }

  if (!scenario.places.schools.some((s) => s.detail === 'full')) {
    for (const key of ['school', 'cottages', 'beliefs'] as const) {
      if (written(doc, ['policy', key]) === undefined) continue;
      warn(
        'no-effect',
        `policy.${key} has no effect: no school is simulated in full, and only the people of full-detail schools live school life; give a school detail: full, or remove the setting`,
      );
    }
  }

  const end = parseIsoDate(scenario.calendar.end)!;
  scenario.places.schools.forEach((s, i) => {
    if (s.closes === undefined || parseIsoDate(s.closes)! <= end) return;
    warn(
      'no-effect',
      `places.schools[${i}].closes (${s.closes}, '${s.id}') has no effect: it falls after the calendar's end (${scenario.calendar.end}); move it inside the calendar, or remove it`,
    );
  });
  return found;
}
