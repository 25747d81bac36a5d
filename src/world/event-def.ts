/** The shape of an event type's definition, shared by the modules that define event types. */
import { z } from 'zod';

export interface EventTypeDef<D extends z.ZodType> {
  code: number;
  description: string;
  /** What the person, other, place and value columns hold for this type. */
  roles: { person?: string; other?: string; place?: string; value?: string };
  data: D;
}

/**
 * Defines an event type.
 * @example def(20, 'A student makes a work of art', { person: 'the maker' }, z.strictObject({ work: z.number() }))
 */
export function def<D extends z.ZodType>(
  code: number,
  description: string,
  roles: EventTypeDef<D>['roles'],
  data: D,
): EventTypeDef<D> {
  return { code, description, roles, data };
}

/** The payload of events that carry none. */
export const none = z.null();
