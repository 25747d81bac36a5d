/**
 * Phrases for an institution's history: a school, a residence, a recovery centre.
 * The table is data: its keys are a closed set (`InstitutionPhraseKey`), so a key misspelt where a
 * phrase is looked up fails to compile.
 */
import type { Phrasebook } from '../writer.js';

export const INSTITUTION_PHRASES = {
  'school.opened': [
    '{place} opened in {year}, with {head} at its head and {n} under her.',
    '{place} first opened its doors in {year}; {head} ran it from the start, with {n} beside her.',
  ],
  'school.opened.alone': ['{place} opened in {year}.', '{place} first opened its doors in {year}.'],
  'school.cohorts': [
    'In the {span} that followed it raised {total} children, born between {first} and {last}, never more than {max} to a year.',
    'Over {span} {total} children grew up there, the eldest born in {first} and the youngest in {last}.',
  ],
  'school.cohorts.one': ['It raised {total} children, all born in {first}.'],
  'school.campaign': [
    'It was never only a school. {head} and {madame} meant it to show the world outside that children like these, reared well and kindly, grew up as sensitive and intelligent as anyone; if people could see that, they might treat the donors better.',
    'What set it apart was its purpose. {head} and {madame} had built it as a case to put to the world outside: that children reared with care, and given books and paint, grew up as thoughtful as anyone else, and deserved better than they were getting.',
  ],
  'school.gallery': [
    "From {from} {madame} came {often}, and took away the best of the students' pictures, poems and carvings for what they all called the Gallery.",
    'Several times a year from {from}, {madame} arrived to choose work for the Gallery, and the students whose pieces she took were proud of it for weeks.',
  ],
  'school.gallery.purpose': [
    'The students were never told what the Gallery was for, and made up their own answers: that {guesses}. The truth was that {truth}.',
    'Nobody explained the Gallery to the students, so they explained it to one another: {guesses}. It was in fact gathered so that {truth}.',
  ],
  'school.gallery.purpose.plain': [
    'The students were never told what the Gallery was for. It was gathered so that {truth}.',
  ],
  'school.chosen': [
    'Nobody had more work taken than {x}.',
    'Of all the students, {madame} chose {x.pos} work the most often.',
  ],
  'school.exchanges': [
    "Between her visits came the Exchanges, {often}, where the students bought one another's work with tokens, and the Sales, when boxes of things from outside were opened on the tables and the tokens spent on them.",
    'The students traded their own work at the Exchanges, {often}, paying in tokens, and spent what tokens they had left at the Sales, where the boxes held things from outside.',
  ],
  'school.told': [
    'The guardians told the students what they were a little at a time, each thing before they were old enough to take it in: {clauses}.',
    'What the students were, they learned from the guardians in pieces, told early enough that nothing came as a shock: {clauses}.',
  ],
  'school.plain': [
    '{when} {g} broke with that, and told a senior class plainly that {clause}.',
    '{when}, against the way the school did things, {g} told older students that {clause}.',
  ],
  'school.left': ['{g} left {when}.', '{when} {g} was gone.'],
  'school.plain.again': [
    '{when} {g} did the same again, to another class.',
    '{g} said it again {when}, to the next class.',
  ],
  'school.plain.other': [
    '{when} {g} did the same, telling older students the plain truth of their future.',
    '{when} it happened again: {g} told a senior class what lay ahead of them.',
  ],
  'school.rumour': [
    'Among the students themselves, the story that went furthest was that {clause}.',
    'Of the stories the students told one another, none went round like the one that {clause}.',
  ],
  'school.debunked': [
    'The guardians set them right, and it went on being told all the same.',
    'The guardians said it was not so, which did little to stop it.',
  ],
  'school.tantrums': [
    'Tempers were lost, as in any school, most often over {trigger}.',
    'When a student lost their temper it was most often over {trigger}.',
  ],
  'school.couples': [
    'Older students paired off, and the guardians allowed it.',
    'In the senior years couples formed, and nobody stopped them.',
  ],
  'school.tested': [
    'More than once a group of students crowded round {madame.obj} to see whether she was afraid of them; she was.',
    'Some students made a test of it, swarming round {madame.obj} as she crossed the courtyard, and saw her flinch from them.',
  ],
  'school.moved': ['{when} {madame} came upon {x} alone with a song playing, and wept.'],
  'school.moved.many': [
    'Now and then {madame} came upon a student alone with a song playing, and was seen to weep: {xs}.',
    'More than once {madame} was found in tears, having come upon a student alone with a song: {xs}.',
  ],
  'school.leavers': [
    'At {age} or so, the students left for {residences}; from there they trained as carers, and then became donors themselves.',
    'Its students left at about {age}, for {residences}, and went on from there to caring and then to the donations.',
  ],
  'school.fates': [
    'By the end of the record {share} of them had completed, most often after the {mode} donation.',
    'When the record ends, {share} of its former students have completed, more of them after the {mode} donation than any other.',
  ],
  'school.first.completed': [
    'The first of them to complete was {x}, {when}, at {centre}.',
    '{x} was the first to complete, {when}, at {centre}.',
  ],
  'school.deferrals': [
    'From {from} couples who had been at {place} came to the house at {home} to ask for a deferral, believing their art would prove their love; each was told there had never been any such thing.',
    'Couples from {place} went looking for deferrals at the house at {home}, from {from} on, and each was sent away with the truth: there were none, and there never had been.',
  ],
  'school.closed': [
    '{place} closed {when}, when the money for it ran out; with it went the campaign, and the Gallery had nothing more to show.',
    '{when} the money ran out and {place} closed, and the case it had been built to make closed with it.',
  ],
  'school.closed.plain': ['{place} closed {when}, when the money for it ran out.'],
  'school.transferred': [
    'The children still there, {n}, were sent to other homes.',
    'Its remaining children, {n}, were moved elsewhere.',
  ],
  'school.after': [
    'In later years {head} and {madame} lived together at {home}, in a house they kept going by selling off what they had.',
  ],
  'school.open': [
    'When the record ends, {place} is still open.',
    '{place} was still open when the record ends.',
  ],
  'residence.arrivals': [
    'Between {from} and {to}, {place} took in {n} school leavers, from {schools}.',
    'Between {from} and {to}, {n} came to {place} from {schools}.',
  ],
  'residence.couples': ['{n} couples formed there.', 'There were {n} couples formed at {place}.'],
  'residence.trips': [
    '{n} residents set out from there to look for a possible, most often to {town}; none of the trips found the right person.',
    'Residents went looking for their possibles {n}, usually to {town}.',
  ],
  'residence.trips.right': ['{right} of those trips found the right person.'],
  'residence.outbursts': ['{n} someone said aloud, bitterly, that {clause}.'],
  'residence.training': [
    '{n} left {place} for carer training, after staying on average {years}.',
    'In all {n} left to train as carers; the usual stay was {years}.',
  ],
  'centre.first': [
    'The first donation at {place} was given {when}.',
    '{place} saw its first donation {when}.',
  ],
  'centre.donations': [
    'In all {n} donations were given there, by {donors}.',
    'Altogether {donors} gave {n} donations there.',
  ],
  'centre.busiest': ['The busiest year was {year}, with {n}.', 'Its busiest year was {year}: {n}.'],
  'centre.completions': [
    'In all, {n} donors completed there, {first} after a first donation and {fourth} after a fourth.',
    'There were {n} completions, of which {first} came after a first donation and {fourth} after a fourth.',
  ],
  'centre.carers': [
    '{n} carers looked after donors there.',
    'Donors there were looked after by {n} carers in all.',
  ],
  'centre.longest': [
    'Of those who completed there, {x} had given the most, {n}.',
    '{x} gave {n} there before completing, more than anyone.',
  ],
  'place.none': ['The record holds {n} events at {place}.'],
} satisfies Phrasebook;

/** Every key of INSTITUTION_PHRASES. */
export type InstitutionPhraseKey = keyof typeof INSTITUTION_PHRASES;
