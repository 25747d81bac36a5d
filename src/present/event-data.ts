/**
 * An event's `data` column read as JSON. A world file edited by hand, or damaged, may hold
 * anything there; a reader shows what it can rather than failing on one event.
 */

/**
 * The payload of an event, or an empty object when there is none or it is not a JSON object.
 * @example eventData<{ from: number }>('{"from":12}').from // 12
 */
export function eventData<T>(data: string | null | undefined): Partial<T> {
  if (!data) return {};
  try {
    const v: unknown = JSON.parse(data);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}
