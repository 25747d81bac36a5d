/**
 * The shapes of the relationships API (/api/relationships, /api/people/{id}/circle): ties of
 * friendship, love, clique and care between people, each with its span and the events behind
 * it. Part of the API's contract that server and web client share, like schemas.ts.
 */
import { z } from 'zod';
import { PersonSummary, Ref } from './schemas.js';

const isoDateText = z.string().describe('YYYY-MM-DD');

/** The kinds of tie the network draws. */
export const TIE_KINDS = ['friends', 'couple', 'clique', 'carer'] as const;
export type TieKind = (typeof TIE_KINDS)[number];

/** Two people tied for a span of time; for a carer's tie, `a` is the carer and `b` the donor. */
export const Tie = z
  .object({
    a: z.number().int(),
    b: z.number().int(),
    kind: z.enum(TIE_KINDS),
    from: isoDateText,
    to: isoDateText.nullable().describe('null when the tie lasted to the end of the world'),
    began: z.number().int().nullable().describe('the event that began it'),
    ended: z.number().int().nullable().describe('the event that ended it, when one did'),
    why: z.string().nullable().describe('how it ended: drifted, left, broken, completed, …'),
    strength: z.number().nullable().describe('fondness when a friendship began, 0 to 1'),
    clique: z.number().int().nullable().describe('for a clique tie: the clique, whose leader is `a`'),
  })
  .meta({ id: 'Tie' });
export type Tie = z.infer<typeof Tie>;

/** A clique with its leader and its members' spans. */
export const Clique = z
  .object({
    id: z.number().int(),
    leader: z.number().int(),
    place: Ref.nullable(),
    from: isoDateText,
    to: isoDateText.nullable(),
    event: z.number().int().nullable(),
    members: z.array(z.object({ person: z.number().int(), from: isoDateText, to: isoDateText.nullable() })),
  })
  .meta({ id: 'Clique' });
export type Clique = z.infer<typeof Clique>;

/** An event two or more people of the network shared (a storyline beat, a gift). */
export const Moment = z
  .object({
    event: z.number().int(),
    date: isoDateText,
    title: z.string(),
    people: z.array(z.number().int()),
  })
  .meta({ id: 'Moment' });
export type Moment = z.infer<typeof Moment>;

export const NetworkPerson = PersonSummary.extend({
  member: z
    .boolean()
    .describe('in the cohort (for a circle: everyone in it); false for people tied from outside'),
}).meta({ id: 'NetworkPerson' });
export type NetworkPerson = z.infer<typeof NetworkPerson>;

export const RelationshipNetwork = z
  .object({
    title: z.string(),
    school: Ref.nullable(),
    cohort: z.number().int().nullable(),
    focus: z.number().int().nullable().describe('the person whose circle this is'),
    first: z.number().int().nullable().describe('the first year any tie began'),
    last: z.number().int().nullable().describe('the last year the network covers'),
    people: z.array(NetworkPerson),
    ties: z.array(Tie),
    cliques: z.array(Clique),
    moments: z.array(Moment),
  })
  .meta({ id: 'RelationshipNetwork' });
export type RelationshipNetwork = z.infer<typeof RelationshipNetwork>;

export const NetworkCohorts = z
  .object({
    items: z.array(
      z.object({
        school: Ref,
        cohort: z.number().int(),
        people: z.number().int(),
        ties: z.number().int().describe('friendships, couples and clique memberships begun in the cohort'),
      }),
    ),
  })
  .meta({ id: 'NetworkCohorts' });
export type NetworkCohorts = z.infer<typeof NetworkCohorts>;
