/**
 * The shape of a phrase table keyed by event type. A key names the event type its sentences
 * rest on, then optionally what they say of it (`work_chosen.many`); a table may also name a few
 * topics of its own for sentences that rest on no single event (`fate.carer`). A key that is
 * neither fails to compile, so a misspelt event type is caught where the table is written.
 */
import type { EventTypeName } from '../../world/event-types.js';
import type { Variant } from '../writer.js';

/** A key under `T`: `T` itself or `T.something`. */
export type KeyedBy<T extends string> = T | `${T}.${string}`;

/** A phrase table whose keys are event types, or the `Topic`s it declares. */
export type EventPhrasebook<Topic extends string = never> = Readonly<
  Partial<Record<KeyedBy<EventTypeName | Topic>, readonly (string | Variant)[]>>
>;
