/**
 * Phrases for an institution's history: a school, a residence, a recovery centre.
 * The table is data keyed by the event type a sentence rests on (see `EventPhrasebook`), or by
 * one of a few topics that rest on no single event (`campaign`, `fates`); its keys are a closed
 * set (`InstitutionPhraseKey`), so a key misspelt where a phrase is looked up fails to compile.
 * Each key has several variants, each of its own build, so that the histories of different
 * places share no stock sentence.
 */
import type { EventPhrasebook } from './types.js';

export const INSTITUTION_PHRASES = {
  // Beginnings.
  school_opened: [
    '{place} opened in {year}, with {head} at its head and {n} [under her|to help her|on her staff].',
    '{place} first opened its doors in {year}; {head} ran it from the start, with {n} beside her.',
    'When {place} took in its first children, in {year}, {head} was already its headmistress, and {n} came with her.',
    'The house that became {place} was opened as a school in {year}, under {head} and {n}.',
  ],
  'school_opened.alone': [
    '{place} opened in {year}.',
    '{place} first opened its doors in {year}[, in a cold spring| to a handful of children|].',
    'The first children came to {place} in {year}[, to rooms still smelling of paint| and found it half built|].',
  ],
  born: [
    'Its first class had been born in {first}, and a new one [arrived|came] every [year|autumn] after that, the last of them born in {last}.',
    'Children born in {first} were the first to grow up there; the youngest it ever raised were born in {last}.',
    'A [class|new class|fresh class] came every year: the eldest of them born in {first}, the youngest in {last}.',
    'The children it raised were born between {first} and {last}, and each year brought a new class of them, some sturdy, some sickly, all of them its own.',
  ],
  'born.one': [
    'It raised a single class, born in {first}.',
    'Only the children born in {first} were raised there.',
  ],
  // The campaign and the Gallery.
  campaign: [
    'It was never only a school. {head} and {madame} meant it to show the world outside that children like these, reared well and kindly, grew up as sensitive and intelligent as anyone; if people could see that, they might treat the donors better.',
    'What set it apart was its purpose. {head} and {madame} had built it as a case to put to the world outside: that children reared with care, and given books and paint, grew up as thoughtful as anyone else, and deserved better than they were getting.',
    '{head} and {madame} ran {place} as an argument: give such children music, poems and paint, they said to anyone who would listen, and you will see that they feel as deeply as your own.',
    'Behind the lessons and the games lay a campaign. {head} and {madame} wanted the people who benefited from the donations to look at what the children made, and to stop pretending there was nobody there.',
  ],
  gallery_visit: [
    "From {from} {madame} came {often}, and took away the best of the students' pictures, poems and carvings for what they all called the Gallery.",
    'Several times a year from {from}, {madame} arrived to choose work for the Gallery, and the students whose pieces she took were proud of it for weeks.',
    '{madame} began coming in {from}: a tall, stiff figure in a grey suit who went through the art rooms {often} and left with whatever she judged the best.',
    'Her visits began in {from}. {madame} came {often}, looked over what the students had made, and carried the chosen pieces off to a Gallery none of them ever saw.',
  ],
  'gallery_visit.grew': [
    'At first she took only {early} a visit; by {peak} she was filling the back of her car.',
    'The early visits yielded {early}; by {peak} she was leaving with armfuls each time, as the campaign found friends.',
    'In the first years {early} went away with her each time; by {peak} it was a good deal more, and the pieces were shown to people who mattered.',
  ],
  'gallery_visit.last': [
    '{madame} came for the last time {when}.',
    '{madame.pos} last visit was {when}; nobody at the time knew it would be the last.',
    '{when} {madame} made what turned out to be her final visit.',
  ],
  'rumour_started.gallery': [
    'The students were never told what the Gallery was for, and made up their own answers: that {guesses}. The truth was that {truth}.',
    'Nobody explained the Gallery to the students, so they explained it to one another: {guesses}. It was in fact gathered so that {truth}.',
    'Among themselves the students decided {guesses}; they were wrong, for the pieces were kept so that {truth}.',
  ],
  'gallery_visit.purpose': [
    'The students were never told what the Gallery was for. It was gathered so that {truth}.',
    'What the Gallery was for, nobody told them: it was kept so that {truth}.',
  ],
  work_chosen: [
    'Nobody had more work taken than {x}.',
    'Of all the students, {madame} chose {x.pos} work the most often.',
    'The name that came up most often when {madame} had chosen was {x.name}.',
  ],
  exchange_held: [
    "Between her visits came the Exchanges, {often}, where the students bought one another's work with tokens, and the Sales, when boxes of things from outside were opened on the tables and the tokens spent on them.",
    'The students traded their own work at the Exchanges, {often}, paying in tokens, and spent what tokens they had left at the Sales, where the boxes held things from outside.',
    'There were Exchanges {often}, where a poem or a drawing could be had for a few tokens, and Sales, where the same tokens bought a badge or a cassette from the boxes the van brought.',
  ],
  madame_moved: [
    '{when} {madame} came upon {x} alone with a song playing, and wept.',
    '{when} {x}, alone in a dormitory with a song, looked up to find {madame} in the doorway, in tears.',
  ],
  'madame_moved.many': [
    'Now and then {madame} came upon a student alone with a song playing, and was seen to weep: {xs}.',
    'More than once {madame} was found in tears, having come upon a student alone with a song: {xs}.',
  ],
  madame_tested: [
    'More than once a group of students crowded round {madame.obj} to see whether she was afraid of them; she was.',
    'Some students made a test of it, swarming round {madame.obj} as she crossed the courtyard, and saw her flinch from them.',
    'The bolder students once walked straight at {madame.obj} in a body, to find out whether she feared them, and saw that she did.',
  ],
  // What they were told.
  guardian_disclosed: [
    'The guardians told the students what they were a little at a time, each thing before they were old enough to take it in: {clauses}.',
    'What the students were, they learned from the guardians in pieces, told early enough that nothing came as a shock: {clauses}.',
    'Each thing was told in its season, when the children were a little too young to ask about it: {clauses}.',
  ],
  guardian_spoke_plainly: [
    '{when} {g} broke with that, and told a senior class plainly that {clause}.',
    '{when}, against the way the school did things, {g} told older students that {clause}.',
    '{when} {g} could bear it no longer, and told a senior class outright that {clause}.',
  ],
  guardian_left: [
    '{g} left {when}.',
    '{when} {g} was gone.',
    '{g} did not stay long after: {when} she had left.',
  ],
  'guardian_spoke_plainly.again': [
    '{when} {g} did the same again, to another class.',
    '{g} said it again {when}, to the next class.',
  ],
  'guardian_spoke_plainly.other': [
    '{when} {g} did the same, telling older students the plain truth of their future.',
    '{when} it happened again: {g} told a senior class what lay ahead of them.',
    'It was {g} who spoke out next, {when}.',
  ],
  rumour_heard: [
    'Among the students themselves, the story that went furthest was that {clause}.',
    'Of the stories the students told one another, none went round like the one that {clause}.',
    'The tale every new class learned from the one above was that {clause}.',
  ],
  rumour_debunked: [
    'The guardians set them right, and it went on being [told|whispered|passed on] all the same.',
    'The guardians said it was not so, which did little to stop it.',
    'No guardian could [talk it down|put it to rest|stamp it out] for long.',
  ],
  tantrum: [
    'Tempers were lost, as in any [school|place full of children], most often over {trigger}.',
    'When [a student|one of them] lost their temper it was [most often|usually|nearly always] over {trigger}.',
    'The [rages|tantrums|outbursts], when they came, were mostly about {trigger}.',
  ],
  couple_formed: [
    'Older students paired off, and the guardians [allowed it|let them|looked the other way].',
    'In the senior years couples formed, and nobody [stopped them|minded|forbade it].',
    'By their last years many of them had paired off, under the guardians\u2019 eyes.',
  ],
  // Leavers.
  became_resident: [
    'At {age} or so, the students left for {residences}; from there they [trained as carers|went on to train as carers|were sent to train as carers], and then became donors themselves.',
    'Its students left at about {age}, for {residences}, and went on from there to [caring|the work of caring|years of caring] and then to the donations.',
    'The summer they turned {age}, each class went out to {residences}, and the school [saw them no more|heard of them only by chance after that|lost sight of them].',
  ],
  completed: [
    'The first of them to complete was {x}, {when}, at {centre}.',
    '{x} was the first [to complete|of them to complete|of its former students to complete], {when}, at {centre}.',
    'The first of its own to complete, {when}, was {x}, at {centre}[, still young| after a short time as a donor|].',
  ],
  'carer_assigned.friend': [
    'Old friendships outlasted the school: {when} {c} asked to be {d.pos} carer, and was given {d.obj}.',
    'Some of them found one another again at the end: {c}, by then a carer, chose {d} for a donor {when}, someone known since they were both small.',
    '{when}, at {centre}, {d} was given a carer who had grown up alongside {d.obj} at {school}: {c}, who had asked for {d.obj}.',
  ],
  'carer_round.long': [
    'Of all its former students, {x} cared the longest: {years} on the roads before {x.pos} own notice came.',
    '{x} went on caring for {years}, longer than anyone else who had been [there|at {place}|raised there].',
    'The longest career as a carer [was|belonged to] {x.pos}: {years}[ of driving between centres| on the roads|].',
  ],
  deferral_refused: [
    'From {from} couples who had been at {place} came to the house at {home} to ask for a deferral, believing their art would prove their love; each was told there had never been any such thing.',
    'Couples from {place} went looking for deferrals at the house at {home}, from {from} on, and each was sent away with the truth: there were none, and there never had been.',
    'From {from} on, couples who had grown up at {place} [found their way|made their way|came one by one] to a house at {home}, sure that a deferral could be had there; none was ever given.',
    'The rumour of deferrals sent couples from {place} to a door at {home}, the first of them in {from}; the answer was always that there were no deferrals, and never had been.',
  ],
  'deferral_refused.first': [
    'The first to come were {a} and {b}.',
    '{a} and {b} were the first[ to knock| to try|].',
    'The first of them, {a} and {b}, [came in hope|brought their pictures|came with their art in a folder].',
  ],
  // Closing.
  school_closed: [
    '{when} the money ran out and {place} closed. Those who had given for it gave no more: the campaign had shown them something they preferred not to look at, and the donations went on regardless.',
    '{place} closed {when}. The people whose money had kept it going had drifted away; a school that asked them to think about where their cures came from was not a cause they wished to be seen with.',
    '{when} {place} shut its doors, for want of money. Its friends had grown fewer each year, and fewer still would put their names to it, for nobody wanted to be reminded that the donors had been children once.',
  ],
  'school_closed.plain': [
    '{place} closed {when}, when the money for it [ran out|was gone|dried up].',
    '{when} the money for {place} ran out, and it closed.',
  ],
  'school_closed.youngest': [
    'The youngest still there had been born in {year}.',
    'Its last class, born in {year}, never reached the age to leave it.',
  ],
  transferred: [
    'The children still there, {n}, were sent to {to}{plain}.',
    'Its remaining children, {n}, were moved to {to}{plain}.',
    '{n} children were taken by coach to {to}{plain}.',
  ],
  'transferred.in': [
    '{when} {from} closed, and {n} of its children were brought here, strangers to everyone.',
    'Its numbers swelled {when}, when {from} closed and sent {n} of its children to finish growing up here.',
    '{when} a coachload of children arrived from {from}, which had closed: {n}, used to other ways.',
  ],
  'school_closed.leavers': [
    'For those who had already left, caring or waiting at {residences}, nothing changed but that the place they came from was gone.',
    'Those already out in the world heard of it at second hand, at {residences} or on their rounds, and found they could not picture it empty.',
  ],
  'school_closed.after': [
    'After the closing {madame} and {head} lived together at {home}, in a house kept going by selling off what they had.',
    '{head} and {madame} went to live at {home}, and sold their furniture piece by piece to keep the house.',
  ],
  'school_closed.after.madame': [
    'After the closing {madame} lived on at {home}, alone with what was left of the Gallery.',
    '{madame} kept her house at {home}, and what remained of the collection with her.',
  ],
  'school_closed.open': [
    'When the record ends, {place} is still [open|taking children|raising its classes].',
    '{place} was still [open|in use|full of children] when the record ends.',
    'It [had not closed|was still taking children|still stood] when the record ends.',
  ],
  // A residence.
  'became_resident.first': [
    'The first [leavers|school leavers|of its residents] came to {place} in {from}, from {schools}.',
    '{place} took in its first school leavers in {from}; they came from {schools}.',
    'In {from} the first of them arrived at {place}, from {schools}, and for years after every summer brought more.',
  ],
  'became_resident.names': ['Among the first were {xs}.', '{xs} were among the earliest to arrive.'],
  'couple_formed.long': [
    'Couples formed and parted there all the time; {a} and {b}, who paired off {when}, were still together when they left.',
    'Of the couples made at {place}, {a} and {b} lasted best: they came together {when} and were not parted by anything the place did.',
    'Most couples there were brief. {a} and {b}, together from {when}, were the exception.',
  ],
  'couple_ended.short': [
    '{a} and {b} lasted only weeks.',
    'Others, like {a} and {b}, were over almost before anyone noticed.',
  ],
  possible_trip: [
    '{when} {party} drove to {town} to look for {x.pos} possible, whom someone had glimpsed there.',
    '{when} a carload of them went to {town}, because {x.pos} possible was said to be working there.',
    '{when} {party} went to {town} on {x.pos} account, to see a [woman|stranger|face] someone had [described|noticed|seen] there.',
  ],
  possible_seen: [
    'The woman they found was not {x.pos} model at all.',
    'It was not the right person, and the drive back was a quiet one.',
  ],
  'possible_seen.right': [
    'This time it was the right person, and {x} came home having seen the life {x} had been copied from.',
    'They found the right person, seen from across a street, and {x} talked of nothing else for a week.',
  ],
  outburst: [
    'Afterwards {x} said aloud, bitterly, that {clause}.',
    'On the way home {x} turned on the others and said that {clause}.',
  ],
  left_for_training: [
    'The first to leave for [carer training|training as a carer] was {x}, {when}.',
    '{when} {x} became the first to go off for training; the others watched the car to the end of the lane.',
    '{x} was the first of them to leave for training, {when}.',
  ],
  'left_for_training.long': [
    '{x} stayed longest of all, {years}, before going off to train.',
    'Nobody stayed as long as {x}, who was there {years} before leaving for training.',
  ],
  // A recovery centre.
  donated: [
    'The first donation at {place} was [given|made] {when}, by {x}.',
    '{place} saw its first donation {when}: {x}.',
    '{when} {x} gave the first donation {place} had seen.',
  ],
  'carer_assigned.long': [
    '{c} came to {place} for longer than any other carer: {years}, with donor after donor.',
    'No carer knew {place} better than {c}, who drove there for {years}.',
    'For {years} the car of {c} was a familiar sight at {place}.',
  ],
  'completed.first': [
    '{x} completed there after a single donation, {when}, at {age}.',
    '{when} {x}, only {age}, completed after the first donation.',
    'Some went quickly: {x} completed after the first donation, {when}, at {age}.',
  ],
  'completed.fourth': [
    '{x} gave four donations there and completed after the last, {when}, in the care of {c}.',
    '{when} {x} completed after the fourth donation, with {c} as carer to the end.',
    '{x} lasted through four donations, and completed {when}; {c} was the carer then.',
  ],
  'completed.named': [
    '{x} completed there {when}, after {n}; {c} was the carer then, and stayed to the end.',
    '{when} {x} completed at {place} after {n}, with {c} as carer.',
    'It was there, {when}, that {x} completed, after {n}, in the care of {c}.',
  ],
  'deferral_applied.centre': [
    '{when} {a}, recovering there, went off with {b} to ask for a deferral, and came back knowing there was none.',
    'It was from {place} that {a} and {b} set out, {when}, to ask for a deferral; they were told there had never been such a thing.',
  ],
  'carer_assigned.friend.centre': [
    '{when} {c} came to {place} to care for {d}, an old friend, asked for by name.',
    'There were reunions too: {when} {c} asked to care for {d}, a friend from school days, and drove to {place} to do it.',
  ],
  'place.none': ['The record holds little of {place}.', 'Little happened at {place} that the record keeps.'],
} satisfies EventPhrasebook<'campaign' | 'place'>;

/** Every key of INSTITUTION_PHRASES. */
export type InstitutionPhraseKey = keyof typeof INSTITUTION_PHRASES;
