/**
 * Phrases for the biographies of people who are not clones: a guardian's years on a school's
 * staff, Madame's visits and her house, an original's day of being looked for. (A clone's
 * biography uses the school and later tables, told in the third person.) The table is data keyed
 * by the event type a sentence rests on (see `EventPhrasebook`); the subkeys (`.staff`,
 * `.madame`) keep these apart from the same event types in the other tables a biography merges.
 * Sentences tell particular moments with names, never tallies.
 */
import type { EventPhrasebook } from './types.js';

export const BIO_PHRASES = {
  'born.bio': [
    '{s.full} was born in {month} {year} and raised at {school}, in the same year as {mates}.',
    '{s.full} was born in {year} and grew up at {school}; {mates} were in {s.pos} year.',
    'Born in {month} {year}, {s.full} grew up at {school} alongside {mates}.',
  ],
  'born.bio.alone': [
    '{s.full} was born in {month} {year} and raised at {school}.',
    '{s.full} was born in {year}, and {school} was the only home {s} knew as a child.',
  ],
  'donated.alive': [
    'When this record ends, {s} is still a donor, at {centre}, with {n} given.',
    'The record ends with {s} recovering at {centre}, {n} given.',
  ],
  'became_donor.alive': [
    'When this record ends, {s} has been given notice and is waiting for the first donation.',
    'The record ends with {s} waiting at {centre} for the first donation.',
  ],
  'carer_assigned.alive': [
    'When this record ends, {s} is still a carer.',
    'The record ends with {s} still out on the roads, caring.',
  ],
  'joined_staff.staff': [
    '{s.full} joined the staff of {school} as {role} in {year}.',
    '{s.full} came to {school} in {year}, as {role}.',
    'In {year} {s.full} came to {school}, as {role}.',
  ],
  'guardian_disclosed.staff': [
    'It fell to {s.obj}, {often}, to tell a class that {clause}.',
    '{often} {s} was the one who told a class that {clause}.',
    'From {year} on {s} told the younger classes, {often}, that {clause}.',
  ],
  'guardian_disclosed.gently': [
    '{s} always put it gently, so gently that not every student took it in.',
    'When {s} spoke of it, {s} spoke softly and never for long.',
  ],
  'guardian_disclosed.plainly': ['{s} did not soften it.', '{s} said it plainly, as a rule.'],
  'guardian_spoke_to.comfort': [
    '{when} {s} found {x} alone after a tantrum and said that it did not matter whether {x} was creative.',
    '{when}, after {x} had raged over the Gallery, {s} took {x.obj} aside and said that being creative or not need not matter.',
  ],
  'guardian_spoke_to.comfort.more': [
    '{s} said the same to others who fretted over their art.',
    'It was a comfort {s} gave more than once.',
  ],
  'guardian_spoke_to.truth': [
    '{when} {s} took that comfort back, and told {x} that it had mattered after all.',
    'Later, {when}, {s} went back on it: {x} was told that it had mattered.',
  ],
  'teased.shield': [
    '{when} {s} came upon {leader} teasing {x}, and put a stop to it.',
    '{when} {s} broke up a ring of students round {x}, with {leader} at its centre.',
  ],
  'teased.shield.more': [
    'It was the first of many times {s} stepped in.',
    'Students learned that teasing near {s.obj} did not last long.',
  ],
  'rumour_debunked.staff': [
    '{s} put down the story that {clause}.',
    'It was {s} who put an end to the tale that {clause}.',
  ],
  'guardian_spoke_plainly.staff': [
    '{when} {s} told a senior class plainly that {clause}.',
    "{when}, against the school's way of doing things, {s} told a class of older students that {clause}.",
  ],
  'guardian_left.staff': ['{when} {s} left {school}.', '{s} was gone from {school} {when}.'],
  'school_closed.staff': [
    '{s} was still at {school} when it closed, {when}.',
    '{when} {school} closed, with {s} still on its staff.',
  ],
  'school_closed.home': [
    'Afterwards {s} lived with Madame at {home}.',
    'After the closing {s} went to live with Madame, at {home}.',
  ],
  'joined_staff.stayed': [
    '{s} was still at {school} when this record ends.',
    'When this record ends, {s} is still on the staff of {school}.',
  ],
  'gallery_visit.first': [
    '{when} Madame came to {school} for the first time, and went away with {works}.',
    'Her first visit to {school} was {when}; she took {works}.',
  ],
  'gallery_visit.grew': [
    'In the years that followed she came twice a year, and took more each time, until by {peak} she was leaving with armfuls.',
    'She came back every spring and autumn, and as the campaign found friends she took more, armfuls at a time by {peak}.',
  ],
  'work_chosen.madame': [
    'The student whose work she chose most often was {x}.',
    'Of all the pieces she carried off, more were by {x} than by anyone else.',
  ],
  'madame_tested.madame': [
    '{when} {x} and {x.pos} friends crowded round her all at once, to see whether she was afraid of them; she was.',
    '{when} a knot of students led by {x} swarmed round her in the courtyard, and saw her flinch.',
  ],
  'madame_moved.madame': [
    '{when} she came upon {x} alone with {song} playing, and wept.',
    '{when} she found {x} alone with {song}, and could not keep back her tears.',
  ],
  'gallery_visit.last': ['{when} she came to {school} for the last time.', 'Her last visit was {when}.'],
  'deferral_refused.madame': [
    'Couples came to her house at {home} asking for a deferral, the first of them {x} and {y}, {when}; she sent each away with the truth, that there had never been any.',
    '{when} {x} and {y} found her house at {home}, believing she could grant them a deferral; they were the first of many, and all were told there was no such thing.',
  ],
  'possible_seen.original': [
    '{when} {x} and others came to {town} believing {s} might be {x.pos} model; {s} was not.',
    '{when} a party of residents came to {town} to look at {s}, taken for the model of {x}, wrongly.',
  ],
  'possible_seen.right': ['{when} {x} came to {town} to see {s}, rightly believed to be {x.pos} model.'],
  'born.none': ['The record holds little of {s}.', 'Little of {s} survives in the record.'],
} satisfies EventPhrasebook;
