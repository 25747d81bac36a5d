/**
 * The shapes of the stories API (/api/stories): the kinds of situation the explorer looks for
 * in a world's log, and the situations found, rarest first (src/stories). Part of the API's
 * contract that server and web client share, like schemas.ts.
 */
import { z } from 'zod';
import { EventView, Ref } from './schemas.js';

export const StoryKind = z
  .object({
    key: z.string(),
    title: z.string(),
    description: z.string(),
    count: z.number().int().describe('how many times it happened in this world'),
    opportunities: z.number().int().describe('how many times the world gave it the chance'),
    bits: z.number().nullable().describe('rarity, -log2(count / opportunities); null when it never happened'),
  })
  .meta({ id: 'StoryKind' });
export type StoryKind = z.infer<typeof StoryKind>;

export const StoryPerson = Ref.extend({
  address: z.string().describe('the address that opens this person in any run of the scenario (`/p/…`)'),
}).meta({ id: 'StoryPerson' });
export type StoryPerson = z.infer<typeof StoryPerson>;

export const Story = z
  .object({
    rank: z.number().int().describe('place among the stories, rarest first, from 1'),
    kind: z.string(),
    title: z.string(),
    date: z.string().describe('YYYY-MM-DD of the scene'),
    place: Ref.nullable(),
    bits: z.number().describe('rarity in bits: higher is rarer'),
    oneIn: z.number().int().describe('the world took this turn once in this many chances'),
    people: z.array(StoryPerson).describe('whose story it is first'),
    events: z.array(EventView).describe('the events that make it, the scene first'),
    scene: z.string().describe('where to read it: the first person’s chronicle at the scene'),
  })
  .meta({ id: 'Story' });
export type Story = z.infer<typeof Story>;

export const StoriesPage = z
  .object({
    kinds: z.array(StoryKind),
    items: z.array(Story),
    limit: z.number().int(),
    offset: z.number().int(),
    total: z.number().int(),
    totalExact: z.boolean(),
    next: z.string().nullable(),
  })
  .meta({ id: 'StoriesPage' });
export type StoriesPage = z.infer<typeof StoriesPage>;
