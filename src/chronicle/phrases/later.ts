/**
 * Phrases for life after school: the residence, the trips, training, the years of caring, notice, donations,
 * completion and deferrals.
 * The table is data keyed by the event type a sentence rests on (see `EventPhrasebook`); its
 * keys are a closed set (`LaterPhraseKey`), so a key misspelt where a
 * phrase is looked up fails to compile.
 */
import type { EventPhrasebook } from './types.js';

export const LATER_PHRASES = {
  'became_resident.with': [
    { t: '{when} I left {school} for {residence}, with {mates} and {n} others of our year.', p: 'first' },
    { t: 'I was {age} when we left {school}; {mates} came with me to {residence}.', p: 'first' },
    { t: '{when} {party} went to live at {residence}.', p: 'first' },
    { t: 'At {age} {s} left {school} for {residence}, along with {mates}.', p: 'third' },
    { t: '{when} {s} moved from {school} to {residence}, as did {mates}.', p: 'third' },
  ],
  'became_resident.alone': [
    { t: '{when} I left {school} for {residence}.', p: 'first' },
    { t: 'I was {age} when I left {school} and went to {residence}.', p: 'first' },
    { t: 'At {age} {s} left {school} for {residence}.', p: 'third' },
  ],
  'became_resident.reflect': [
    {
      t: '[It was the first time I had lived anywhere but {school}|I had never lived anywhere but {school} before|Until then I had known nowhere but {school}|Before that, {school} was the only home I had known][, and it showed|, and I felt it at once|, and for weeks I missed it|].',
      p: 'first',
    },
    {
      t: 'I remember how [small|shabby|few and small] our things looked, unpacked in a [strange|cold|bare|draughty] room[ that first night| under the eaves| that first week|].',
      p: 'first',
    },
    {
      t: 'There were [people|veterans|residents] there from other [places|schools|homes], [older than us|a year or two ahead of us|who had been there for ages], [who seemed to know|who knew|who acted as if they knew] how everything [worked|went][ already|].',
      p: 'first',
    },
  ],
  'possible_trip.mine': [
    {
      t: '{when} {party} drove to {town}, because someone claimed to have seen my possible there.',
      p: 'first',
    },
    {
      t: '{when} we went all the way to {town}, {party}, on the strength of a sighting of my possible.',
      p: 'first',
    },
    {
      t: '{when} {party} travelled to {town} to look for {s.pos} possible, who had been seen there.',
      p: 'third',
    },
  ],
  'possible_trip.theirs': [
    { t: '{when} I went to {town} with {companions}, looking for {x.pos} possible.', p: 'first' },
    {
      t: '{when} {party} drove to {town}, where someone had seen a person who might have been {x.pos} model.',
      p: 'first',
    },
    { t: '{when} {s} went with {party} to {town}, to look for {x.pos} possible.', p: 'third' },
  ],
  'possible_trip.wrong': [
    {
      t: 'When we found the {person} at last, it was plain to all of us that it was the wrong one.',
      p: 'first',
    },
    { t: 'The {person} we saw there was nothing like {x.obj}, once we were close.', p: 'first' },
    { t: 'The {person} they found was not {x.pos} model.', p: 'third' },
    { t: 'It was the wrong {person}.', p: 'third' },
  ],
  'possible_trip.wrong.mine': [
    { t: 'The {person} we found was nothing like me, and I think I knew it at once.', p: 'first' },
    { t: 'It was not my model, whatever I had hoped.', p: 'first' },
  ],
  'possible_trip.right': [
    { t: 'It was the right {person}; none of us ever doubted it.', p: 'first' },
    { t: 'This time the sighting was right.', p: 'third' },
  ],
  'outburst.them': [
    {
      t: '{when} {x} said aloud, in front of {n} of us, what we had all been careful not to say: that {clause}.',
      p: 'first',
    },
    { t: '{when} {x} told a room of us, bitterly, that {clause}.', p: 'first' },
    { t: '{when} {x} said in front of {s.obj} and others that {clause}.', p: 'third' },
  ],
  'outburst.mine': [
    {
      t: '{when} I said aloud, in front of {n} others, that {clause}; I have regretted it since.',
      p: 'first',
    },
    { t: '{when} {s} said bitterly, in front of {n} others, that {clause}.', p: 'third' },
  ],
  'left_for_training.left': [
    {
      t: "{when} I left {residence} [to begin my training as a carer|to train as a carer|for my carer's training|and started my training][, like most of us sooner or later|, with a bag and a list of addresses|, and did not go back|].",
      p: 'first',
    },
    {
      t: 'I was {age} when I left {residence} for [training|carer training|my training][, and I went alone|, on a grey morning|].',
      p: 'first',
    },
    { t: '{when} {s} left {residence} to train as a carer.', p: 'third' },
    { t: 'At {age} {s} left {residence} for carer training.', p: 'third' },
  ],
  'left_for_training.frame': [
    {
      t: 'The morning I left {residence} to train as a carer, {when}, I [stood a while by the gate|looked back from the lane|sat in the van with my bag on my knees] and thought of the day we had [first come there|arrived|got down from the van with our things].',
      p: 'first',
    },
    {
      t: 'When I set off from {residence} for my training, {when}, [it was the day we had arrived that came back to me|what I kept seeing was the day we had arrived|I found myself thinking of the day we had arrived][, and how young we had been|].',
      p: 'first',
    },
  ],
  'left_for_training.back': [
    {
      t: '[All of that was behind me, then,|That was what I left behind|That was the place I was leaving] the morning I [set off|went off|left] for my training[, and I did not look back again|, with no more idea than before of what it would be like|, with one bag and a list of centres| in the rain|].',
      p: 'first',
    },
  ],
  'left_for_training.knew': [
    {
      t: '[Until then|Up to that morning|Before that], I [think|suppose|believe], I had known what lay ahead [without ever quite believing it|without letting it in|without looking at it straight|the way you know the date of something far off|only as words].',
      p: 'first',
    },
    {
      t: '[It was only then that|It was there that|It was at that point that] what we had been told [became something I actually believed|became something I believed|turned into something I felt|turned into something I could believe|started to feel real][| in my bones| for me].',
      p: 'first',
    },
    { t: 'Only then, it seems, did the future {s} had been told about become real to {s.obj}.', p: 'third' },
  ],
  'carer_assigned.first': [
    { t: 'My first donor was {x}, at {centre}, {when}.', p: 'first' },
    { t: '{when} I was given my first donor, {x}, at {centre}.', p: 'first' },
    { t: '{s.pos} first donor, {when}, was {x}, at {centre}.', p: 'third' },
  ],
  'carer_assigned.chosen': [
    { t: '{when} I asked to be {x.pos} carer, and they let me.', p: 'first' },
    { t: '{when} I became {x.pos} carer at {centre}, at my own request.', p: 'first' },
    { t: '{when} {s} asked for {x.obj} as a donor, and became {x.pos} carer at {centre}.', p: 'third' },
  ],
  'carer_assigned.given': [
    { t: '{when} {x} became one of my donors, at {centre}.', p: 'first' },
    { t: '{when} I was made {x.pos} carer at {centre}.', p: 'first' },
    { t: '{when} {s} became {x.pos} carer, at {centre}.', p: 'third' },
  ],
  'carer_assigned.compact': [
    { t: '{at} I asked for {x.obj}, who gave {n} in my care and completed {later}.', p: 'first' },
    { t: '{x} came to me {at}, and I saw {x.obj} through {allOf}; {x} completed {later}.', p: 'first' },
    {
      t: '{at} I became carer to {x.obj}, at {centre}, and stayed with {x.obj} through {n} until {x} completed, {later}.',
      p: 'first',
    },
    { t: '{at} {s} became carer to {x.obj}, at {centre}; {x} gave {n} and completed {later}.', p: 'third' },
  ],
  'carer_assigned.compact.alive': [
    { t: '{at} I became carer to {x.obj}, at {centre}; {x} has given {n} since.', p: 'first' },
    { t: '{x} came to me {at}, and has given {n} in my care.', p: 'first' },
    { t: '{at} {s} became carer to {x.obj}, at {centre}; {x} gave {n} in {s.pos} care.', p: 'third' },
  ],
  'carer_assigned.chosen.many': [
    { t: '{at} I asked for {xs} together, at {centre}, and was given {all}.', p: 'first' },
    { t: '{at} I took on {xs} at once, at {centre}, because I asked to.', p: 'first' },
    { t: '{at} {s} took on {xs} together, at {centre}, at {s.pos} own request.', p: 'third' },
  ],
  'carer_assigned.follow': [
    { t: '{x} gave {n} in my care and completed {later}.', p: 'first' },
    { t: '{x} completed {later}, after {n} with me.', p: 'first' },
    { t: '{x} stayed in my care through {n}, and completed {later}.', p: 'first' },
    { t: '{x} gave {n} in {s.pos} care and completed {later}.', p: 'third' },
  ],
  'carer_assigned.follow.alive': [
    { t: '{x} has given {n} since.', p: 'first' },
    { t: '{x} is still mine, with {n} given.', p: 'first' },
    { t: '{x} gave {n} in {s.pos} care.', p: 'third' },
  ],
  'carer_assigned.schoolmate': [
    { t: 'I had known {x.obj} at {school}, {rel}.', p: 'first' },
    { t: '{x} had been at {school} with {s.obj}, {rel}.', p: 'third' },
  ],
  'carer_assigned.donations': [
    { t: '{x} gave {n} while I looked after {x.obj}.', p: 'first' },
    { t: 'In my care {x} gave {n}.', p: 'first' },
    { t: '{x} gave {n} in {s.pos} care.', p: 'third' },
  ],
  'carer_assigned.completed': [
    { t: '{x} completed {when}, after {x.pos} {ord} donation, while I was still {x.pos} carer.', p: 'first' },
    { t: '{when} {x} completed, after {x.pos} {ord} donation, with me still {x.pos} carer.', p: 'first' },
    {
      t: 'I was still looking after {x.obj} when {x} completed, {when}, after {x.pos} {ord} donation.',
      p: 'first',
    },
    { t: '{x} completed {when}, after {x.pos} {ord} donation.', p: 'first' },
    { t: '{x} completed {when}, after the {ord} donation, still in {s.pos} care.', p: 'third' },
  ],
  'carer_assigned.year': [
    { t: 'In {year} I took on {donors} at {centres}, and {done} of them completed in my care.', p: 'first' },
    { t: '{at} I was given {donors}, at {centres}; {done} of them completed while I had them.', p: 'first' },
    { t: '{season} brought {donors}, at {centres}, and in time {done} completions.', p: 'first' },
    {
      t: 'In {year} {s} took on {donors} at {centres}; {done} of them completed in {s.pos} care.',
      p: 'third',
    },
  ],
  'carer_assigned.year.none': [
    {
      t: 'In {year} I took on {donors} at {centres}, and none of them completed while I had them.',
      p: 'first',
    },
    { t: '{at} I was given {donors}, at {centres}, and saw every one of them through.', p: 'first' },
    { t: 'In {year} {s} took on {donors} at {centres}, none of whom completed in {s.pos} care.', p: 'third' },
  ],
  carer_round: [
    { t: 'In {span} I must have driven {miles} miles, most of it between {centres}.', p: 'first' },
    { t: 'The drives between {centres} have come to {miles} miles in {span}, by my reckoning.', p: 'first' },
    {
      t: 'I have worn out two cars on the roads between {centres}: {miles} miles, near enough, in {span}.',
      p: 'first',
    },
    { t: 'In {span} {s.pos} rounds between {centres} came to {miles} miles.', p: 'third' },
  ],
  'fate.completed': [
    { t: '{x} completed at {centre} {when}, after {x.pos} {ord} donation.', p: 'first' },
    { t: '{when} I heard that {x} had completed, at {centre}, after the {ord} donation.', p: 'first' },
    { t: '{x} completed {when}, at {centre}; it was the {ord} donation.', p: 'first' },
    { t: '{x} completed at {centre} {when}, after {x.pos} {ord} donation.', p: 'third' },
  ],
  'fate.donor': [
    { t: '{x} became a donor {when}, at {centre}.', p: 'first' },
    { t: '{x} became a donor {when}.', p: 'third' },
  ],
  'fate.carer': [
    { t: '{x} is still a carer, as far as I know.', p: 'first' },
    { t: 'The last I heard, {x} was still caring.', p: 'first' },
  ],
  'became_donor.first': [
    {
      t: '{when} I was told that my caring will end this year, and that I am to [be a donor|begin donating|start my donations].',
      p: 'first',
    },
    {
      t: '[The notice came|My notice came|Word came] {when}: [before long I will be a donor myself|by the end of the year I will be a donor|soon I will be the one being cared for|my turn to donate is coming].',
      p: 'first',
    },
    {
      t: '{when} they told me I would soon stop being a carer and [begin as a donor|become a donor|start my donations][, which I had known was coming|, as we all do sooner or later|].',
      p: 'first',
    },
    {
      t: '{when} [the letter came|a letter came|I had the letter] [saying|to say] that I [would begin my donations|would be a donor] [at {centre}|before long|in the new year][, and I read it twice|, and I put it in the glovebox|].',
      p: 'first',
    },
    {
      t: '[My own turn|My turn] was [settled|fixed|decided] {when}: [my caring is to stop|I am to stop caring], and [the donations will begin|I will go to {centre} as a donor][ soon| before long|].',
      p: 'first',
    },
  ],
  'became_donor.third': [
    { t: '{when} {s} became a donor, at {centre}, after {years} as a carer.', p: 'third' },
    {
      t: 'After {years} as a carer, {s} was given notice {when} and became a donor at {centre}.',
      p: 'third',
    },
  ],
  'became_donor.direct': [
    { t: '{when} {s} became a donor, at {centre}, without ever having cared for anyone.', p: 'third' },
    { t: '{when} I was given notice to become a donor.', p: 'first' },
  ],
  'donated.first': [
    { t: '{s} gave {s.pos} first donation at {centre} {when}.', p: 'third' },
    { t: '{when} {s} gave the first donation, at {centre}.', p: 'third' },
  ],
  'donated.next': [
    { t: 'The {ord} followed {when}.', p: 'third' },
    { t: 'The {ord} donation came {when}.', p: 'third' },
    { t: '{s} gave the {ord} {when}.', p: 'third' },
  ],
  'donated.carer': [
    { t: '{x} was {s.pos} carer for much of that time.', p: 'third' },
    { t: 'For most of it {s.pos} carer was {x}.', p: 'third' },
  ],
  'completed.self': [
    { t: '{s} completed at {centre} {when}, after {n}.', p: 'third' },
    { t: '{when} {s} completed, at {centre}, after {n}.', p: 'third' },
  ],
  'spared.self': [
    { t: '{when} {s} reached the last donation the programme asks, and gave no more.', p: 'third' },
  ],
  'alive.end': [
    { t: 'When this record ends, {s} is still a donor, at {centre}, with {n} given.', p: 'third' },
    { t: 'When this record ends, {s} is still a carer.', p: 'third' },
  ],
  'alive.notice': [
    {
      t: 'When this record ends, {s} has been given notice and is waiting for the first donation.',
      p: 'third',
    },
  ],
  'alive.resident': [{ t: 'When this record ends, {s} is still at {residence}.', p: 'third' }],
  'alive.student': [{ t: 'When this record ends, {s} is still a student at {school}.', p: 'third' }],
  'transferred.moved': [
    { t: '{when} {from} closed, and I was sent to {to}.', p: 'first' },
    { t: '{when} {from} closed for lack of money, and {s} was moved to {to}.', p: 'third' },
  ],
  deferral_applied: [
    {
      t: '{when} {x} and I went to {place} to ask for a deferral, and took our pictures with us.',
      p: 'first',
    },
    {
      t: '{when} {s} and {x} went to {place} to ask for a deferral, bringing their art as proof.',
      p: 'third',
    },
  ],
  deferral_refused: [
    { t: 'We were told, kindly enough, that there was no such thing, and never had been.', p: 'first' },
    { t: 'They were told that there were no deferrals, and never had been.', p: 'third' },
  ],
  deferral_granted: [
    { t: 'To our astonishment we were given {years} more.', p: 'first' },
    { t: 'They were granted {years}.', p: 'third' },
  ],
} satisfies EventPhrasebook<'fate' | 'alive'>;

/** Every key of LATER_PHRASES. */
export type LaterPhraseKey = keyof typeof LATER_PHRASES;
