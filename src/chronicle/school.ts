/**
 * Episodes of school life, and the phrases that tell them: arriving at school, the Gallery,
 * Exchanges and Sales, things lost and found, friendships, couples, cliques, tempers and
 * teasing, what guardians said, Madame, and what was believed and later learned. Every phrase
 * is written for both a memoir (first person, `p: 'first'`) and a biography (`p: 'third'`)
 * where it has to differ; unmarked ones serve both.
 */
import type { EventRow } from '../store/reader.js';
import { BELIEF_WEIGHT, beliefClause } from './beliefs.js';
import type { Ctx } from './context.js';
import { episode, type Episode } from './episode.js';
import { pronoun } from './names.js';
import { dataOf, type BeliefRow } from './source.js';
import { inText } from './time.js';
import { group, who, type Phrasebook } from './writer.js';
import { yearOf } from '../engine/calendar.js';
import {
  listJoin,
  monthName,
  mediumNoun,
  numberWord,
  quoted,
  thingAgain,
  thingPhrase,
  times,
} from './words.js';

export const SCHOOL_PHRASES: Phrasebook = {
  'origin.first': [
    {
      t: '{school} is the first place I remember, and I was there until I was {leftAge}[, like everyone in my year|, a long time|].',
      p: 'first',
    },
    { t: 'I grew up at {school}, one of {size} [children|students] [of|in] my year.', p: 'first' },
    {
      t: 'There is nothing before {school} in my memory, and [I have never met anyone from there who remembers more|nobody I knew there remembers more|I doubt anyone from there remembers more].',
      p: 'first',
    },
    {
      t: 'My year at {school} was {size} strong, and I was one of them from [my earliest days|the start|the beginning] until I was {leftAge}.',
      p: 'first',
    },
    {
      t: '{s.full} was born in {month} {year} and raised at {school}, one of {size} children of that year.',
      p: 'third',
    },
    {
      t: '{s.full} was born in {year}, one of {size} children of the cohort raised at {school} that year.',
      p: 'third',
    },
  ],
  'origin.only': [
    { t: '{s.full} was born in {month} {year} and placed at {school}.', p: 'third' },
    { t: 'I was born in {year}, and {school} is where I was raised.', p: 'first' },
  ],
  'gallery.many': [
    {
      t: 'Over my years at {school} Madame took {n} of my pieces for the Gallery, the first of them {work}, when I was {age}.',
      p: 'first',
    },
    {
      t: 'Things of mine went to the Gallery {times}, beginning with {work} the year I was {age}.',
      p: 'first',
    },
    {
      t: 'I was chosen for the Gallery more often than some, starting with {work} when I was {age}.',
      p: 'first',
    },
    {
      t: 'Madame chose {s.pos} work for the Gallery {times}, beginning with {work} when {s} was {age}.',
      p: 'third',
    },
    {
      t: '{n} of {s.pos} pieces went to the Gallery over the years, the first of them {work}, made at {age}.',
      p: 'third',
    },
  ],
  'gallery.reflect': [
    {
      t: 'Nobody ever told us where the [pieces|pictures|chosen things] went, and for a long time I did not [think to ask|ask|wonder].',
      p: 'first',
    },
    {
      t: 'Each time it felt like being [singled out|picked out|marked out] for something, though [none of us|nobody|not one of us] could have said what[ it was| exactly|].',
      p: 'first',
    },
    { t: 'I remember being more puzzled by it than proud.', p: 'first' },
    { t: 'Among the students it counted as a distinction, though nobody knew quite of what.', p: 'third' },
  ],
  'gallery.one': [
    {
      t: 'Only once did Madame take anything of mine for the Gallery: {work}, when I was {age}.',
      p: 'first',
    },
    { t: 'Just one thing I made ever went to the Gallery, {work}, the year I was {age}.', p: 'first' },
    { t: '{s} had a single piece taken for the Gallery, {work}, at the age of {age}.', p: 'third' },
  ],
  'gallery.none': [
    {
      t: '[Nothing I made was ever chosen|Not one thing of mine was ever taken|Madame never picked anything of mine] for the Gallery, though she came {visits} while I was there[, and I watched others carry their pieces to her| and I always hoped|].',
      p: 'first',
    },
    {
      t: 'Madame came {visits} in my time and never once [took anything of mine|chose a thing I had made|picked out my work], and I [learned not to expect it|stopped hoping after a while|told myself I did not mind|pretended not to care].',
      p: 'first',
    },
    {
      t: 'Madame never chose any of {s.pos} work for the Gallery, though she came {visits} in {s.pos} years there.',
      p: 'third',
    },
  ],
  'exchange.sold': [
    {
      t: 'My {medium}s did well enough at the Exchanges[, and I came to count on them| over the years|], and I [was prouder of that than I let anyone see|liked watching someone carry one off|never had to go without at the Sales].',
      p: 'first',
    },
    {
      t: '[Things of mine sold|My work sold|People bought my things] [steadily|well enough|more often than not] at the Exchanges, and most of the tokens went on things at the Sales.',
      p: 'first',
    },
    { t: '{s} sold {sold} pieces at the Exchanges over the years, most of them {medium}s.', p: 'third' },
    { t: 'At the Exchanges {s.pos} {medium}s sold steadily, {sold} in all.', p: 'third' },
  ],
  'exchange.none': [
    {
      t: '[Whatever|Everything] I [put out|offered] at the Exchanges [came back to me unsold|stayed on the table|went back under my bed afterwards], [year after year|every time|without exception].',
      p: 'first',
    },
    {
      t: 'Nothing I offered at the Exchanges ever sold, though I went on offering things for years.',
      p: 'first',
    },
    { t: 'None of the {offered} pieces {s} offered at the Exchanges ever sold.', p: 'third' },
  ],
  'exchange.few': [
    {
      t: 'Little of what I offered at the Exchanges ever sold, and I learned to clear my things away quickly afterwards.',
      p: 'first',
    },
    {
      t: 'At the Exchanges my things mostly went unsold; [once in a while|now and then|every so often] someone [took one|bought one|picked one up], and [I remember every one of those|I was grateful out of all proportion|I made too much of it].',
      p: 'first',
    },
    {
      t: 'Little of {s.pos} work found buyers at the Exchanges: {sold} pieces out of {offered} offered.',
      p: 'third',
    },
  ],
  'exchange.buyer': [
    {
      t: '{x} bought more of my work than anyone, and I never quite knew what to make of that.',
      p: 'first',
    },
    {
      t: 'The most faithful buyer I had was {x}, [who kept coming back to my table|who never said why|which I only noticed later].',
      p: 'first',
    },
    { t: '{x} bought {k} of {s.pos} pieces, more than anyone else did.', p: 'third' },
  ],
  'sale.things': [
    { t: 'With the tokens I bought small things at the Sales: {things}.', p: 'first' },
    {
      t: 'My collection, by the time I left, held {things}, and other things I no longer remember.',
      p: 'first',
    },
    { t: 'At the Sales {s} bought {n} things over the years, among them {things}.', p: 'third' },
    { t: '{s.pos} collection grew Sale by Sale: {things}, and more besides.', p: 'third' },
  ],
  'sale.cassette': [
    { t: 'The thing I valued most was {cassette}, bought at a Sale when I was {age}.', p: 'first' },
    {
      t: 'I was {age} when I found {cassette} in a Sale box, and for years it was the first thing I would have saved.',
      p: 'first',
    },
    { t: '{s.pos} most prized possession was {cassette}, bought at a Sale at {age}.', p: 'third' },
  ],
  'lost.one': [
    { t: '{when} I lost {thing}.', p: 'first' },
    { t: '{thing} went missing {when}.', p: 'first' },
    { t: '{when} {thing} disappeared from my collection.', p: 'first' },
    { t: '{s} lost {thing} {when}.', p: 'third' },
    { t: '{when} {s} lost {thing}.', p: 'third' },
  ],
  'lost.never': [
    {
      t: 'I [looked for it|searched for it|hunted for it] for [weeks|days|a long time][, under beds and in the lockers| and asked everyone|], and never [found out|learned|discovered] what became of it.',
      p: 'first',
    },
    {
      t: 'It never turned up, and [after a while|in time|soon|] I stopped [expecting it to|looking].',
      p: 'first',
    },
    { t: 'It was never found.', p: 'third' },
  ],
  'lost.later': [
    { t: 'It would be {years} before I saw {again} again.', p: 'first' },
    { t: 'I was not to see it again for {years}.', p: 'first' },
    { t: '{s} would not see it again for {years}.', p: 'third' },
  ],
  'lost.more': [
    { t: 'Other things went the same way over the years: {things}.', p: 'first' },
    { t: 'I lost other things too, as everyone did: {things}.', p: 'first' },
    { t: 'Over the years {s} lost other things as well: {things}.', p: 'third' },
  ],
  'found.same': [
    {
      t: 'In {town}, of all places, I found {thing}, not one like it but the very one, {years} after it went missing.',
      p: 'first',
    },
    { t: '{when}, in {town}, {thing} turned up again: my own, {years} after I had lost it.', p: 'first' },
    { t: 'In {town} {s} found {thing}, the very one {s} had lost {years} before.', p: 'third' },
  ],
  'found.same.again': [
    { t: 'In {town}, of all places, I found {again} again, my own and not a copy.', p: 'first' },
    { t: '{when}, in {town}, {again} turned up again, the very one I had lost.', p: 'first' },
    { t: 'In {town} {s} found {again} again, the very one.', p: 'third' },
  ],
  'found.copy': [
    {
      t: 'In {town} I came across {thing}, not my own but one just like it, {years} after mine had gone.',
      p: 'first',
    },
    { t: '{when}, in {town}, I found the twin of {thing} I had lost {years} earlier.', p: 'first' },
    { t: 'In {town} {s} came across {thing}, a copy of the one {s} had lost {years} before.', p: 'third' },
  ],
  'found.belief': [
    { t: 'After that I half believed what people said: that {clause}.', p: 'first' },
    { t: 'It seemed to prove what we used to say, that {clause}.', p: 'first' },
    { t: 'It seemed to bear out what the students said, that {clause}.', p: 'third' },
  ],
  'friend.formed': [
    { t: '{near}Around then {x} and I became friends.', p: 'first', mid: true },
    { t: '{near}That was also when I first grew close to {x.obj}.', p: 'first', mid: true },
    { t: '{near}Around then {s} became friends with {x.obj}.', p: 'third', mid: true },
    { t: '{when} {x} and I became friends.', p: 'first' },
    { t: 'It was {when} that {x} and I started to be friends.', p: 'first' },
    { t: 'I made friends with {x.obj} {when}.', p: 'first' },
    { t: '{x} and I were friends from {when} on.', p: 'first' },
    { t: '{when} {s} and {x} became friends.', p: 'third' },
    { t: '{when} {s} made friends with {x.obj}.', p: 'third' },
    { t: '{s} and {x} were friends from {when} on.', p: 'third' },
  ],
  'friend.lasted': [
    {
      t: 'We stayed [close|friends|thick] for {years}[, on and off|, more or less|, with the usual quarrels|].',
      p: 'first',
    },
    {
      t: '[It lasted|That friendship lasted|We kept it up], [one way and another|through everything|with gaps], {years}.',
      p: 'first',
    },
    {
      t: '[For|Over] the next {years} [we were seldom apart|we looked out for each other|there was hardly a week we did not talk].',
      p: 'first',
    },
    { t: 'The friendship lasted {years}.', p: 'third' },
    { t: 'They stayed close for {years}.', p: 'third' },
  ],
  'friend.broken': [
    { t: '{when} we fell out, over {over}.', p: 'first' },
    { t: 'We fell out {when} over {over}, and were never quite friends again.', p: 'first' },
    { t: '{when} they fell out over {over}.', p: 'third' },
  ],
  'couple.formed': [
    { t: '{when} {x} and I became a couple.', p: 'first' },
    { t: 'I was with {x.obj} from {at}.', p: 'first' },
    { t: '{when} {x} and I started going about together as a couple.', p: 'first' },
    { t: '{when} {s} and {x} became a couple.', p: 'third' },
    { t: '{s} was with {x.obj} from {at}.', p: 'third' },
  ],
  'couple.drifted': [
    { t: 'We drifted apart {when}, without any quarrel I can remember.', p: 'first' },
    { t: 'By {when} it was over, though neither of us had ended it, exactly.', p: 'first' },
    { t: 'They drifted apart {when}.', p: 'third' },
  ],
  'couple.quarrel': [
    { t: 'It ended in a quarrel {when}.', p: 'first' },
    { t: '{when} we quarrelled, and that was the end of it.', p: 'first' },
    { t: 'It ended in a quarrel {when}.', p: 'third' },
  ],
  'couple.left': [
    { t: 'It ended {when}, when {leaver} left {place}.', p: 'first' },
    { t: 'It lasted until {leaver} left {place}, {when}.', p: 'first' },
    { t: 'It ended when {leaver} left {place}, {when}.', p: 'third' },
  ],
  'couple.completed': [
    { t: 'It lasted until {x} completed.', p: 'first' },
    { t: 'They stayed together until {x} completed.', p: 'third' },
  ],
  'clique.member': [
    { t: '{when} I belonged to the set around {x.obj}.', p: 'first' },
    { t: 'By {when} I was one of the little circle around {x.obj}.', p: 'first' },
    { t: '{when} {x} took me into {x.pos} circle, and I stayed in it until we left.', p: 'first' },
    { t: '{when} {s} joined the circle around {x.obj}.', p: 'third' },
    { t: 'By {when} {s} was one of the set around {x.obj}.', p: 'third' },
  ],
  'clique.leader': [
    { t: '{when} a small circle gathered round me: {members}.', p: 'first' },
    { t: '{when} I had a little following of my own, {members} among them.', p: 'first' },
    { t: '{when} {s} gathered a circle of {s.pos} own: {members}.', p: 'third' },
  ],
  'temper.own': [
    {
      t: 'I had a temper in those days, and I lost it [more than once|now and then|often enough], over things like {triggers}.',
      p: 'first',
    },
    {
      t: 'There were tantrums too, over {triggers}, and I am not proud of any [of them|one of them].',
      p: 'first',
    },
    { t: 'I lost my temper {n} at {school}, over {triggers}.', p: 'first' },
    { t: '{s} was known for {s.pos} temper at {school}, which flared over {triggers}.', p: 'third' },
    { t: '{s} lost {s.pos} temper {n} at {school}, over {triggers}.', p: 'third' },
  ],
  'temper.one': [
    { t: '{when} I lost my temper over {trigger}, the only time I remember doing so.', p: 'first' },
    { t: '{when} {s} flew into a rage over {trigger}.', p: 'third' },
  ],
  'temper.laughed': [
    { t: '{x} was among those who laughed when I raged over {trigger}.', p: 'first' },
    { t: 'When I raged over {trigger}, {x} laughed with the rest.', p: 'first' },
    { t: '{x} laughed at one of those rages.', p: 'third' },
  ],
  'temper.calmed': [
    { t: 'Once it was {x} who calmed me down.', p: 'first' },
    { t: '{x} was the one who talked me round, the time it was over {trigger}.', p: 'first' },
    { t: 'Once {x} was the one who calmed {s.obj} down.', p: 'third' },
  ],
  'seen.laughed': [
    { t: '{when} {x} flew into a rage over {trigger}, and I laughed along with the others.', p: 'first' },
    {
      t: 'I laughed too, {when}, when {x} lost {x.pos} temper over {trigger}; it is not something I like remembering.',
      p: 'first',
    },
    { t: '{when} {x} lost {x.pos} temper over {trigger}, and {s} laughed with the rest.', p: 'third' },
  ],
  'seen.calmed': [
    {
      t: '{when} {x} lost {x.pos} temper over {trigger}, and I was the one who calmed {x.obj} down.',
      p: 'first',
    },
    { t: 'When {x} raged over {trigger} {when}, I went over and quieted {x.obj}.', p: 'first' },
    { t: '{when} {s} calmed {x.obj} after a rage over {trigger}.', p: 'third' },
  ],
  'teased.me': [
    { t: '{when} {x} started teasing me about {over}.', p: 'first' },
    { t: 'For a time {xs} teased me about {over}; it began {at}.', p: 'first' },
    { t: '{when} {x} teased me about {over}, and others took it up.', p: 'first' },
    { t: '{x} used to tease me about {over}; it began {at}.', p: 'first' },
    { t: '{when} {x} teased {s.obj} about {over}.', p: 'third' },
  ],
  'teased.shield': [
    { t: '{g} put a stop to it.', p: 'first' },
    { t: 'It stopped only when {g} stepped in.', p: 'first' },
    { t: '{g} put a stop to it.', p: 'third' },
  ],
  'teased.them': [
    { t: 'I was no better than anyone: {when} I teased {x.obj} about {over}.', p: 'first' },
    { t: '{when} I was the one doing the teasing, of {x}, about {over}.', p: 'first' },
    { t: '{when} {s} led the teasing of {x} over {over}.', p: 'third' },
  ],
  'told.plain': [
    {
      t: '{when} {g} told our class, [quite plainly|without softening it|in so many words|as plainly as anyone ever did], that {clause}.',
      p: 'first',
    },
    {
      t: '{when} {g} [said it to us straight out|put it to us straight|spelt it out for us|told us without any softening]: {clause}.',
      p: 'first',
    },
    { t: '{when} {g} told {s.pos} class plainly that {clause}.', p: 'third' },
  ],
  'told.mid': [
    { t: '{when} {g} [explained to us|made sure we knew|went over with us] that {clause}.', p: 'first' },
    { t: 'It was {g} who told us, {when}, that {clause}.', p: 'first' },
    { t: '{when} {g} told {s.pos} class that {clause}.', p: 'third' },
  ],
  'told.vague': [
    {
      t: '{when} {g} let us know, [in a roundabout way|almost in passing|between other things|without quite saying it], that {clause}.',
      p: 'first',
    },
    { t: '{g} touched on it {when}, so lightly that we hardly noticed: {clause}.', p: 'first' },
    { t: '{when} {g} hinted to {s.pos} class that {clause}.', p: 'third' },
  ],
  'told.missed': [
    { t: 'I do not think I took it in at the time.', p: 'first' },
    { t: 'It passed over me, as a great deal did then.', p: 'first' },
    { t: 'It seems not to have registered with {s.obj}.', p: 'third' },
  ],
  'told.tookin': [
    {
      t: '[Somehow|In a way|I think] we had known it already, and [at the same time|all the same|yet somehow] [had not|did not know it at all|were not ready for it].',
      p: 'first',
    },
    {
      t: 'I remember the [quiet|silence|stillness] afterwards better than [the words themselves|the words|anything said|what was said].',
      p: 'first',
    },
    {
      t: '[Nobody asked anything|Not one of us asked a question|No hands went up|We sat very still|Somebody coughed], and the [lesson|class|morning|afternoon] went on[ as before| as if nothing had been said| much as usual|].',
      p: 'first',
    },
    { t: '{s} took it in.', p: 'third' },
  ],
  'plain.said': [
    { t: '{when} {g} told our class plainly what lay ahead of us: that {clause}.', p: 'first' },
    { t: '{when} {g} stood in front of us and said what nobody had said before, that {clause}.', p: 'first' },
    {
      t: '{when} {g} told {s.pos} class plainly that {clause}, against every rule of the school.',
      p: 'third',
    },
  ],
  'plain.silence': [
    { t: 'Nobody said anything at all.', p: 'first' },
    { t: 'We sat quite still, and nobody asked a question.', p: 'first' },
    { t: 'The class heard it in silence.', p: 'third' },
  ],
  'plain.unrest': [
    { t: 'There was a great deal of talk afterwards, much of it angry.', p: 'first' },
    { t: 'For days afterwards we talked of little else.', p: 'first' },
    { t: 'It caused a stir among the students for days.', p: 'third' },
  ],
  'plain.disbelief': [
    { t: 'Most of us decided {g} had got it wrong.', p: 'first' },
    { t: 'Most of the class chose not to believe it.', p: 'third' },
  ],
  'plain.left': [
    { t: '{when} {g} was gone from {school}, and nobody told us why.', p: 'first' },
    { t: 'Not long after, {g} left {school}; we were given no reason.', p: 'first' },
    { t: '{when} {g} left {school}.', p: 'third' },
  ],
  'plain.wonder': [
    { t: 'I have wondered since whether the two things were connected.', p: 'first' },
    { t: 'It was years before I put the two things together.', p: 'first' },
  ],
  'spoke.comfort': [
    {
      t: '{when} {g} told me it did not matter whether I was good at art, and that I must not let anyone make me feel it did.',
      p: 'first',
    },
    { t: '{when} {g} found me on my own and said that being creative or not was not important.', p: 'first' },
    { t: '{when} {g} told {s.obj} that it did not matter whether {s} was any good at art.', p: 'third' },
  ],
  'spoke.truth': [
    { t: '{when} {g} took it back, and said my art mattered after all.', p: 'first' },
    {
      t: '{when} {g} told {s.obj} that {g.pos} earlier comfort had been wrong, and that the art did matter.',
      p: 'third',
    },
  ],
  'spoke.praise': [
    { t: '{when} {g} praised my work in front of the others.', p: 'first' },
    { t: '{when} {g} singled out {s.pos} work for praise.', p: 'third' },
  ],
  'belief.rumour': [
    { t: '{when} {x} told me that {clause}, and I believed it.', p: 'first' },
    { t: 'It was {x} who told me, {when}, that {clause}.', p: 'first' },
    { t: 'I heard from {x.obj} {when} that {clause}.', p: 'first' },
    { t: '{when} {s} heard from {x.obj} that {clause}.', p: 'third' },
    { t: '{x} told {s.obj} {when} that {clause}.', p: 'third' },
  ],
  'belief.started': [
    { t: '{when} I started a story of my own: that {clause}.', p: 'first' },
    { t: 'I am afraid one of those stories began with me, {when}: that {clause}.', p: 'first' },
    { t: '{when} I {how}, and a story began: that {clause}.', p: 'first' },
    { t: '{when} {s} started a rumour that {clause}.', p: 'third' },
    { t: '{when} {s} {how}, and a rumour began: that {clause}.', p: 'third' },
  ],
  'belief.debunked': [
    { t: '{when} {g} set us right[, kindly enough|, sharply|]: {clause}.', p: 'first' },
    {
      t: '[It was {g} who put a stop to it|{g} was the one who ended it|In the end {g} put a stop to it], {when}, [telling us|and told us once and for all|and said firmly|saying plainly] that {clause}.',
      p: 'first',
    },
    { t: '{when} {g} put the story down, telling the students that {clause}.', p: 'third' },
  ],
  'belief.corrected': [
    { t: 'I held on to that until {when}, when I learned that {clause}.', p: 'first' },
    {
      t: '{when} I [learned otherwise|found out how it really was|was told the truth of it|understood properly][:|, and it was this:|; the truth was that] {clause}.',
      p: 'first',
    },
    { t: '{s} held to that until {when}, when {s} learned that {clause}.', p: 'third' },
  ],
  'belief.replaced': [
    { t: '{when} I heard a different story, that {clause}, and that one was no truer.', p: 'first' },
    {
      t: '[Then|After a while] the story changed: {when} people were saying that {clause}, which was no nearer the truth.',
      p: 'first',
    },
    { t: '{when} {s} heard a different story, that {clause}, and that one was no truer.', p: 'third' },
  ],
  'belief.contradicted': [
    {
      t: 'It was not so, and {when} my own refusal should have told me, though I did not let the idea go at once.',
      p: 'first',
    },
    { t: '{when} what happened to my own application showed it was not so.', p: 'first' },
    { t: '{when} {s.pos} own refusal showed it was not so.', p: 'third' },
  ],
  'belief.still': [
    {
      t: '[It was not true|It was false|There was nothing in it], though nobody [ever said so to me|ever told me|troubled to tell me so][ at the time| then|].',
      p: 'first',
    },
    {
      t: '[None of it was so|None of that was true|It was all untrue|There was no truth in it], but nobody has [ever told me otherwise|ever said so to me|told me different|set me right since|put me right].',
      p: 'first',
    },
    {
      t: 'I never heard it [contradicted|denied|put right][, though it was not true|; it was not true all the same|, and it was false|, and yet there was nothing in it].',
      p: 'first',
    },
    { t: '{s} never learned otherwise.', p: 'third' },
  ],
  'madame.tested': [
    {
      t: '{when} a few of us, with {x.obj} at the front, crowded round Madame all at once to see what she would do.',
      p: 'first',
    },
    {
      t: '{when}, on {x.pos} idea, we closed in around Madame together to find out whether she was afraid of us.',
      p: 'first',
    },
    {
      t: '{when} {s} was among the students who crowded round Madame, on {x.pos} idea, to see whether they frightened her.',
      p: 'third',
    },
  ],
  'madame.tested.led': [
    {
      t: '{when} I talked some of the others into crowding round Madame all together, to see what she would do.',
      p: 'first',
    },
    {
      t: '{when} {s} led a group of students in crowding round Madame, to see whether she feared them.',
      p: 'third',
    },
  ],
  'madame.afraid': [
    {
      t: 'She held herself very still until we had gone by, and after that we were sure that {clause}.',
      p: 'first',
    },
    { t: 'We saw her stiffen, and knew from then on that {clause}.', p: 'first' },
    { t: 'Madame went rigid, and {s.name} came away sure that {clause}.', p: 'third' },
  ],
  'madame.moved': [
    { t: '{when} Madame came upon me alone with {song} playing, and I saw that she was crying.', p: 'first' },
    { t: '{when} Madame found me by myself, listening to {song}, and wept.', p: 'first' },
    { t: '{when} Madame came upon {s} alone with {song} playing, and wept.', p: 'third' },
  ],
  'madame.moved.after': [
    { t: 'I did not understand her tears then, and I am not certain I do now.', p: 'first' },
    { t: 'She said nothing, and neither did I.', p: 'first' },
    { t: 'Neither of them spoke of it.', p: 'third' },
  ],
};

/** What someone was teased about, turned to the person teased: "their temper" → "my temper". */
export function overPhrase(over: string, first: boolean, teased: number, c: Ctx): string {
  const sex = c.sexOf(teased);
  const mine = first && teased === c.life.id;
  const pos = mine ? 'my' : pronoun(sex, 'pos');
  const subj = mine ? 'I' : pronoun(sex, 'subj');
  const known: Record<string, string> = {
    'never having a work chosen': 'never having had anything chosen for the Gallery',
    'how they talk': `the way ${subj} talked`,
    'what they believe': `what ${subj} believed`,
    'a mistake in class': `a mistake ${subj} had made in class`,
    'nothing much': 'nothing in particular',
  };
  return (known[over] ?? over)
    .replace(/\bthey draw\b/g, `${subj} drew`)
    .replace(/\bthey make\b/g, `${subj} made`)
    .replace(/\btheir\b/g, pos)
    .replace(/\bthey\b/g, subj);
}

/** How a rumour was started, told of its starter: "made it up after lights out". */
export function howPhrase(how: string, first: boolean, sex: string): string {
  const subj = first ? 'I' : pronoun(sex, 'subj');
  const obj = first ? 'me' : pronoun(sex, 'obj');
  return how
    .replace(/\bsaid an older student told them\b/, `said an older student had told ${obj}`)
    .replace(/\bswore they saw\b/, `swore ${subj} had seen`)
    .replace(/\blook when she comes\b/, 'looked when she came')
    .replace(/\bthem\b/g, obj)
    .replace(/\bthey\b/g, subj);
}

function yearsPhrase(days: number): string {
  const y = Math.round(days / 365.2425);
  return y <= 0 ? 'months' : y === 1 ? 'a year' : `${numberWord(y)} years`;
}

function ageAt(c: Ctx, day: number): string {
  return numberWord(c.clock.age(day));
}

function workPhrase(c: Ctx, workId: number | null): string | undefined {
  if (workId === null) return undefined;
  const w = c.src.work(workId);
  if (!w) return undefined;
  const m = mediumNoun(w.medium);
  return `a ${m} called ${quoted(w.title)}`;
}

/** Every school-life episode of the life (and the ones about couples and friends, wherever they fall). */
export function schoolEpisodes(c: Ctx): Episode[] {
  const out: Episode[] = [];
  origin(c, out);
  gallery(c, out);
  exchanges(c, out);
  sales(c, out);
  lostAndFound(c, out);
  friendships(c, out);
  couples(c, out);
  cliques(c, out);
  tempers(c, out);
  teasing(c, out);
  guardians(c, out);
  beliefs(c, out);
  madame(c, out);
  return out;
}

function origin(c: Ctx, out: Episode[]): void {
  const born = c.life.of('born').find((e) => e.person === c.life.id);
  if (!born) return;
  const school = c.life.school;
  const p = c.life.person;
  const size = school && p.cohort !== null ? c.src.cohortSize(school.id, p.cohort) : 0;
  const left = c.life.dates.residentOn;
  const year = yearOf(born.day);
  const month = monthName(born.day);
  out.push(
    episode(c, {
      kind: 'origin',
      day: born.day,
      phase: 'school',
      weight: 100,
      people: [],
      events: [born.id],
      tell: (c) => {
        const slots = {
          s: c.s,
          school: school ? inText(school.name) : undefined,
          size: size > 1 ? numberWord(size) : undefined,
          leftAge: left !== null ? ageAt(c, left) : undefined,
          year: String(year),
          month,
        };
        if (!c.w.say('origin.first', slots, [born.id])) c.w.say('origin.only', slots, [born.id]);
      },
    }),
  );
}

function gallery(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  const chosen = c.life.of('work_chosen').filter((e) => e.person === id);
  const school = c.life.school;
  if (chosen.length > 0) {
    const first = chosen[0]!;
    out.push(
      episode(c, {
        kind: 'gallery',
        day: first.day,
        weight: 6 + Math.min(chosen.length, 8),
        people: [],
        events: chosen.map((e) => e.id),
        tell: (c) => {
          const ids = chosen.map((e) => e.id);
          const slots = {
            s: c.s,
            school: c.schoolName,
            n: chosen.length > 1 ? numberWord(chosen.length) : undefined,
            times: times(chosen.length),
            work: workPhrase(c, first.value) ?? 'a piece of mine',
            age: ageAt(c, first.day),
          };
          c.w.say(chosen.length > 1 ? 'gallery.many' : 'gallery.one', slots, ids);
          if (c.first || c.w.rng.chance(0.5)) c.w.say('gallery.reflect', { s: c.s }, ids);
        },
      }),
    );
    return;
  }
  if (!school || school.detail !== 'full') return;
  const until = c.life.dates.residentOn ?? c.life.dates.present;
  const visits = c.src
    .eventsAt(school.id, ['gallery_visit'])
    .filter((e) => e.day >= c.life.dates.born && e.day <= until);
  if (visits.length < 2) return;
  out.push(
    episode(c, {
      kind: 'gallery',
      day: visits[Math.floor(visits.length / 2)]!.day,
      weight: 6,
      people: [],
      events: visits.map((e) => e.id),
      tell: (c) => {
        c.w.say(
          'gallery.none',
          {
            s: c.s,
            visits: visits.length > 12 ? ['again and again', 'term after term'] : times(visits.length),
          },
          visits.map((e) => e.id),
        );
      },
    }),
  );
}

function exchanges(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  const held = c.life.of('exchange_held');
  let offered = 0;
  let sold = 0;
  const buyers = new Map<number, { n: number; events: number[] }>();
  const mediums = new Map<string, number>();
  const sellingEvents: number[] = [];
  for (const e of held) {
    const d = dataOf<{ offered?: [number, number, number, number, number][] }>(e);
    let mine = false;
    for (const [work, maker, , buyer] of d?.offered ?? []) {
      if (maker !== id) continue;
      mine = true;
      offered++;
      if (buyer >= 0) {
        sold++;
        const b = buyers.get(buyer) ?? { n: 0, events: [] };
        b.n++;
        b.events.push(e.id);
        buyers.set(buyer, b);
        const m = c.src.work(work)?.medium;
        if (m) mediums.set(mediumNoun(m), (mediums.get(mediumNoun(m)) ?? 0) + 1);
      }
    }
    if (mine) sellingEvents.push(e.id);
  }
  if (offered < 3) return;
  const medium = [...mediums].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'picture';
  const top = [...buyers].filter(([b]) => c.bond(b) >= 2).sort((a, b) => b[1].n - a[1].n || a[0] - b[0])[0];
  out.push(
    episode(c, {
      kind: 'exchange',
      day: held.find((e) => sellingEvents.includes(e.id))!.day,
      weight: 3 + (top ? 2 : 0),
      people: top ? [top[0]] : [],
      events: sellingEvents,
      tell: (c) => {
        const slots = { s: c.s, sold: numberWord(sold), offered: numberWord(offered), medium };
        c.w.say(
          sold === 0 ? 'exchange.none' : sold * 3 < offered ? 'exchange.few' : 'exchange.sold',
          slots,
          sellingEvents,
        );
        if (top && top[1].n >= 2)
          c.w.say('exchange.buyer', { s: c.s, x: who(top[0]), k: numberWord(top[1].n) }, top[1].events);
      },
    }),
  );
}

function sales(c: Ctx, out: Episode[]): void {
  const bought = c.src
    .holdingsOf(c.life.id)
    .filter((h) => h.how_in === 'bought' && h.from_day <= c.life.dates.present);
  if (bought.length === 0) return;
  const cassette = bought.find((h) => h.kind === 'cassette');
  const lostLabels = new Set(bought.filter((h) => h.how_out === 'lost').map((h) => h.label));
  const others = bought.filter((h) => h !== cassette && !lostLabels.has(h.label));
  const distinct = [...new Map(others.map((h) => [h.label, h])).values()];
  const picks = distinct.filter((_, i) => i % Math.max(1, Math.floor(distinct.length / 4)) === 0).slice(0, 4);
  if (picks.length >= 2) {
    out.push(
      episode(c, {
        kind: 'sales',
        day: bought[0]!.from_day,
        weight: 3,
        people: [],
        events: picks.map((h) => h.event_in),
        tell: (c) => {
          for (const h of picks) c.labels.add(h.label);
          c.w.say(
            'sale.things',
            {
              s: c.s,
              things: listJoin(picks.map((h) => thingPhrase(h.label, h.kind))),
              n: numberWord(bought.length),
            },
            picks.map((h) => h.event_in),
          );
        },
      }),
    );
  }
  if (cassette) {
    out.push(
      episode(c, {
        kind: 'cassette',
        day: cassette.from_day,
        weight: 9,
        people: [],
        events: [cassette.event_in],
        tell: (c) =>
          void c.w.say(
            'sale.cassette',
            {
              s: c.s,
              cassette: thingPhrase(cassette.label, cassette.kind),
              age: ageAt(c, cassette.from_day),
            },
            [cassette.event_in],
          ),
      }),
    );
  }
}

function lostAndFound(c: Ctx, out: Episode[]): void {
  const lost = c.life.of('item_lost').filter((e) => e.person === c.life.id);
  const found = c.life.of('item_found').filter((e) => e.person === c.life.id);
  const foundItems = new Map<number, EventRow>();
  for (const f of found) {
    const it = f.value !== null ? c.src.item(f.value) : undefined;
    foundItems.set(it?.copy_of ?? f.value ?? -1, f);
  }
  const items = lost.map((e) => ({ e, item: e.value !== null ? c.src.item(e.value) : undefined }));
  const rank = (x: (typeof items)[number]) =>
    (x.item?.kind === 'cassette' ? 10 : 0) +
    (foundItems.has(x.item?.id ?? -2) ? 8 : 0) +
    (x.item?.kind === 'watch' ? 2 : 0);
  const sorted = [...items].sort((a, b) => rank(b) - rank(a) || a.e.id - b.e.id);
  const main = sorted[0];
  const seenLabels = new Set<string>(main?.item ? [main.item.label] : []);
  const rest = sorted
    .slice(1)
    .filter((x) => {
      if (!x.item || seenLabels.has(x.item.label)) return false;
      seenLabels.add(x.item.label);
      return true;
    })
    .slice(0, 4)
    .sort((a, b) => a.e.id - b.e.id);
  if (main?.item) {
    const item = main.item;
    const later = foundItems.get(item.id);
    out.push(
      episode(c, {
        kind: 'lost',
        day: main.e.day,
        weight: 4 + rank(main),
        people: [],
        events: [main.e.id, ...rest.map((x) => x.e.id)],
        tell: (c) => {
          c.things.add(item.id);
          c.w.say(
            'lost.one',
            { s: c.s, when: c.when(main.e.day), thing: thingPhrase(item.label, item.kind) },
            [main.e.id],
          );
          if (later)
            c.w.say(
              'lost.later',
              {
                s: c.s,
                years: yearsPhrase(later.day - main.e.day),
                again: thingAgain(item.label, item.kind),
              },
              [main.e.id, later.id],
            );
          else c.w.say('lost.never', { s: c.s }, [main.e.id]);
          if (rest.length >= 2)
            c.w.say(
              'lost.more',
              { s: c.s, things: listJoin(rest.map((x) => thingPhrase(x.item!.label, x.item!.kind))) },
              rest.map((x) => x.e.id),
            );
        },
      }),
    );
  }
  for (const f of found) {
    const d = dataOf<{ copy?: boolean; lostOn?: number | null; town?: string }>(f);
    const item = f.value !== null ? c.src.item(f.value) : undefined;
    if (!item) continue;
    const learned = c.life
      .of('learned_by_experience')
      .find((e) => e.cause === f.id && e.person === c.life.id);
    const belief = learned ? dataOf<{ p: string; v: string }>(learned) : null;
    out.push(
      episode(c, {
        kind: 'found',
        day: f.day,
        weight: 9,
        people: [],
        events: [f.id],
        tell: (c) => {
          const slots = {
            s: c.s,
            when: c.when(f.day),
            town: d?.town ?? c.placeName(f.place) ?? 'a town far from school',
            thing: thingPhrase(item.label, item.kind),
            years: d?.lostOn != null ? yearsPhrase(f.day - d.lostOn) : 'years',
          };
          const again = !d?.copy && c.things.has(item.copy_of ?? item.id);
          c.w.say(
            d?.copy ? 'found.copy' : again ? 'found.same.again' : 'found.same',
            { ...slots, again: thingAgain(item.label, item.kind) },
            [f.id],
          );
          c.things.add(item.id);
          if (learned && belief)
            c.w.say(
              'found.belief',
              { s: c.s, clause: beliefClause(belief.p, belief.v, c.w.perspective, c.life.person.sex) },
              [f.id, learned.id],
            );
        },
      }),
    );
  }
}

function friendships(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  const rels = c.src.relationshipsOf(id);
  const broken = c.life.of('friendship_broken');
  for (const e of c.life.of('friendship_formed')) {
    const other = e.person === id ? e.other : e.person;
    if (other === null) continue;
    const years = rels
      .filter((r) => (r.person === other || r.other === other) && r.friendship >= 0.4)
      .map((r) => r.year);
    const span = years.length > 0 ? Math.max(...years) - Math.min(...years) + 1 : 0;
    const brk = broken.find((b) => b.person === other || b.other === other);
    out.push(
      episode(c, {
        kind: 'friend',
        day: e.day,
        weight: 2 + c.bond(other) / 2,
        people: [other],
        events: [e.id, ...(brk ? [brk.id] : [])],
        tell: (c) => {
          const near = c.near(e.day);
          c.w.say('friend.formed', { s: c.s, x: who(other), near, when: c.when(e.day) }, [e.id]);
          if (brk) {
            const over = dataOf<{ over?: string }>(brk)?.over ?? 'something never quite explained';
            c.w.say('friend.broken', { s: c.s, x: who(other), when: c.then(brk.day), over }, [brk.id]);
          } else if (span >= 3)
            c.w.say('friend.lasted', { s: c.s, years: `${numberWord(span)} years` }, [e.id]);
        },
      }),
    );
  }
}

function couples(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  for (const k of c.life.couples) {
    const other = k.a === id ? k.b : k.a;
    const endedEvent =
      k.ended_event !== null && k.ended_on !== null && k.ended_on <= c.life.dates.present
        ? k.ended_event
        : null;
    const ended = endedEvent !== null ? c.src.event(endedEvent) : undefined;
    out.push(
      episode(c, {
        kind: 'couple',
        day: k.formed_on,
        weight: 8 + c.bond(other) / 3,
        people: [other],
        events: [k.formed_event, ...(ended ? [ended.id] : [])],
        tell: (c) => {
          c.w.say(
            'couple.formed',
            { s: c.s, x: who(other), when: c.when(k.formed_on), at: c.clock.at(k.formed_on) },
            [k.formed_event],
          );
          if (!ended) return;
          const reason = k.reason ?? dataOf<{ reason?: string }>(ended)?.reason ?? 'drifted';
          const leaver = ended.person ?? other;
          const slots = {
            s: c.s,
            x: who(other),
            when: c.then(ended.day),
            leaver: who(leaver),
            place: c.placeName(ended.place) ?? (c.first ? 'the Cottages' : 'the residence'),
          };
          const key =
            reason === 'quarrel'
              ? 'couple.quarrel'
              : reason === 'left'
                ? 'couple.left'
                : reason === 'completed'
                  ? 'couple.completed'
                  : 'couple.drifted';
          c.w.say(key, slots, [ended.id]);
        },
      }),
    );
  }
}

function cliques(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  // Being in someone's circle, whether from its start or by joining later.
  const member = (leader: number, e: EventRow) =>
    episode(c, {
      kind: 'clique',
      day: e.day,
      weight: 2 + c.bond(leader) / 4,
      people: [leader],
      events: [e.id],
      tell: (c) => void c.w.say('clique.member', { s: c.s, x: who(leader), when: c.when(e.day) }, [e.id]),
    });
  for (const e of c.life.of('clique_formed')) {
    const d = dataOf<{ members?: number[] }>(e);
    const members = d?.members ?? [];
    if (e.person === id) {
      if (members.length === 0) continue;
      out.push(
        episode(c, {
          kind: 'clique',
          day: e.day,
          weight: 3,
          people: members,
          events: [e.id],
          tell: (c) =>
            void c.w.say(
              'clique.leader',
              { s: c.s, when: c.when(e.day), members: group(members.slice(0, 3)) },
              [e.id],
            ),
        }),
      );
    } else if (e.person !== null && members.includes(id)) out.push(member(e.person, e));
  }
  for (const e of c.life.of('clique_changed')) {
    const d = dataOf<{ change?: string }>(e);
    if (e.person !== id || d?.change !== 'joined' || e.other === null) continue;
    out.push(member(e.other, e));
  }
}

type Answer = [number, string];

function tempers(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  const all = c.life.of('tantrum');
  const own = all.filter((e) => e.person === id);
  const school = c.schoolName;
  if (own.length > 0) {
    const triggers = [
      ...new Set(own.map((e) => dataOf<{ trigger?: string }>(e)?.trigger).filter((t): t is string => !!t)),
    ];
    const answers = own.flatMap((e) =>
      (dataOf<{ answers?: Answer[] }>(e)?.answers ?? []).map((a) => ({ e, a })),
    );
    // Of those who answered a rage in a given way, the one closest to the subject.
    const closest = (how: string) =>
      answers.filter((x) => x.a[1] === how).sort((a, b) => c.bond(b.a[0]) - c.bond(a.a[0]))[0];
    const laughed = closest('laughed');
    const calmed = closest('calmed');
    out.push(
      episode(c, {
        kind: 'temper',
        day: own[0]!.day,
        weight: 3 + Math.min(own.length, 6),
        people: [calmed?.a[0], laughed?.a[0]].filter((x): x is number => x !== undefined),
        events: own.map((e) => e.id),
        tell: (c) => {
          const ids = own.map((e) => e.id);
          if (own.length === 1)
            c.w.say(
              'temper.one',
              { s: c.s, when: c.when(own[0]!.day), trigger: triggers[0] ?? 'nothing much' },
              ids,
            );
          else
            c.w.say(
              'temper.own',
              {
                s: c.s,
                n: times(own.length),
                count: numberWord(own.length),
                triggers: listJoin(triggers.slice(0, 3), 'or'),
                school,
              },
              ids,
            );
          const trig = (e: EventRow) => dataOf<{ trigger?: string }>(e)?.trigger ?? 'nothing much';
          if (calmed && c.bond(calmed.a[0]) >= 3)
            c.w.say('temper.calmed', { s: c.s, x: who(calmed.a[0]), trigger: trig(calmed.e) }, [calmed.e.id]);
          else if (laughed && c.bond(laughed.a[0]) >= 3)
            c.w.say('temper.laughed', { s: c.s, x: who(laughed.a[0]), trigger: trig(laughed.e) }, [
              laughed.e.id,
            ]);
        },
      }),
    );
  }
  // Others' tempers the subject answered: only those of people who matter, or where they helped.
  for (const e of all) {
    if (e.person === id || e.person === null) continue;
    const d = dataOf<{ trigger?: string; answers?: Answer[] }>(e);
    const mine = d?.answers?.find((a) => a[0] === id);
    if (!mine) continue;
    const other = e.person;
    const matters = c.bond(other);
    if (!(mine[1] === 'calmed' || (mine[1] === 'laughed' && matters >= 3))) continue;
    out.push(
      episode(c, {
        kind: 'tantrum-seen',
        day: e.day,
        weight: 1.5 + matters / 3 + (mine[1] === 'calmed' ? 1 : 0),
        people: [other],
        events: [e.id],
        tell: (c) =>
          void c.w.say(
            mine[1] === 'calmed' ? 'seen.calmed' : 'seen.laughed',
            { s: c.s, x: who(other), when: c.when(e.day), trigger: d?.trigger ?? 'nothing much' },
            [e.id],
          ),
      }),
    );
  }
}

function teasing(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  const mine = new Map<string, EventRow[]>();
  const theirs = new Map<string, EventRow[]>();
  for (const e of c.life.of('teased')) {
    const over = dataOf<{ over?: string }>(e)?.over ?? 'nothing much';
    if (e.person === id && e.other !== null) mine.set(over, [...(mine.get(over) ?? []), e]);
    else if (e.other === id && e.person !== null) theirs.set(over, [...(theirs.get(over) ?? []), e]);
  }
  for (const [over, list] of mine) {
    const first = list[0]!;
    const teasers = [...new Set(list.map((e) => e.other!))].sort((a, b) => c.bond(b) - c.bond(a));
    const shield = list.map((e) => dataOf<{ shieldedBy?: number }>(e)?.shieldedBy ?? -1).find((g) => g >= 0);
    out.push(
      episode(c, {
        kind: 'teased',
        day: first.day,
        weight: 2 + list.length / 2 + c.bond(teasers[0]!) / 3,
        people: teasers,
        events: list.map((e) => e.id),
        tell: (c) => {
          const ids = list.map((e) => e.id);
          c.w.say(
            'teased.me',
            {
              s: c.s,
              x: who(teasers[0]!),
              xs: group(teasers.slice(0, 3)),
              when: c.when(first.day),
              at: c.clock.at(first.day),
              over: overPhrase(over, c.first, id, c),
            },
            ids,
          );
          if (shield !== undefined) c.w.say('teased.shield', { s: c.s, g: who(shield) }, ids);
        },
      }),
    );
  }
  for (const [over, list] of theirs) {
    const first = list[0]!;
    const victims = [...new Set(list.map((e) => e.person!))].sort((a, b) => c.bond(b) - c.bond(a));
    out.push(
      episode(c, {
        kind: 'teasing',
        day: first.day,
        weight: 2.5 + c.bond(victims[0]!) / 3,
        people: victims,
        events: list.map((e) => e.id),
        tell: (c) => {
          const v = victims.slice(0, 3);
          // The teased are named together, so "their" stands for all of them.
          const overText = v.length > 1 ? overPhrase(over, false, -1, c) : overPhrase(over, false, v[0]!, c);
          c.w.say(
            'teased.them',
            { s: c.s, x: group(v), when: c.when(first.day), over: overText },
            list.map((e) => e.id),
          );
        },
      }),
    );
  }
}

function beliefFrom(c: Ctx, event: number): BeliefRow | undefined {
  return c.life.beliefs.find((b) => b.source_event === event);
}

function guardians(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  const school = c.schoolName;
  const seenProps = new Set<string>();
  for (const e of c.life.of('guardian_disclosed')) {
    if (e.person === null) continue;
    const d = dataOf<{ p: string; v: string; plainness?: number }>(e);
    if (!d) continue;
    const heard = beliefFrom(c, e.id);
    const weight = (BELIEF_WEIGHT[d.p] ?? 1) + (seenProps.has(d.p) ? -2 : 1);
    seenProps.add(d.p);
    const g = e.person;
    const plain = d.plainness ?? 0.5;
    out.push(
      episode(c, {
        kind: 'told',
        day: e.day,
        weight,
        people: [],
        events: [e.id],
        tell: (c) => {
          const clause = beliefClause(d.p, d.v, c.w.perspective, c.life.person.sex);
          const key = plain >= 0.7 ? 'told.plain' : plain >= 0.4 ? 'told.mid' : 'told.vague';
          c.w.say(key, { s: c.s, g: who(g), when: c.when(e.day), clause }, [e.id]);
          const grave = (BELIEF_WEIGHT[d.p] ?? 1) >= 2.5;
          if (!heard) c.w.say('told.missed', { s: c.s }, [e.id]);
          else if (grave && c.w.rng.chance(0.7)) c.w.say('told.tookin', { s: c.s }, [e.id]);
        },
      }),
    );
  }
  for (const e of c.life.of('guardian_spoke_plainly')) {
    if (e.person === null) continue;
    const g = e.person;
    const d = dataOf<{ said?: [string, string][]; reaction?: string }>(e);
    const left = c.src.causedBy(e.id).find((x) => c.src.typeName(x.type) === 'guardian_left');
    out.push(
      episode(c, {
        kind: 'plain',
        day: e.day,
        weight: 12,
        people: [],
        events: [e.id, ...(left ? [left.id] : [])],
        tell: (c) => {
          const clauses = (d?.said ?? []).map(([p, v]) =>
            beliefClause(p, v, c.w.perspective, c.life.person.sex),
          );
          c.w.say('plain.said', { s: c.s, g: who(g), when: c.when(e.day), clause: listJoin(clauses) }, [
            e.id,
          ]);
          const r = d?.reaction ?? 'silence';
          c.w.say(`plain.${r === 'unrest' || r === 'disbelief' ? r : 'silence'}`, { s: c.s, g: who(g) }, [
            e.id,
          ]);
          if (left && left.day <= c.life.dates.present) {
            c.w.say('plain.left', { s: c.s, g: who(g), when: c.then(left.day), school }, [left.id]);
            if (c.first) c.w.say('plain.wonder', { s: c.s }, [e.id, left.id]);
          }
        },
      }),
    );
  }
  for (const e of c.life.of('guardian_spoke_to')) {
    if (e.other !== id || e.person === null) continue;
    const g = e.person;
    const d = dataOf<{ kind?: string; about?: string }>(e);
    const key =
      d?.kind === 'comfort'
        ? 'spoke.comfort'
        : d?.kind === 'truth'
          ? 'spoke.truth'
          : d?.kind === 'praise'
            ? 'spoke.praise'
            : null;
    if (!key) continue;
    out.push(
      episode(c, {
        kind: 'spoken-to',
        day: e.day,
        weight: key === 'spoke.praise' ? 1.5 : 7,
        people: [],
        events: [e.id],
        tell: (c) => void c.w.say(key, { s: c.s, g: who(g), when: c.when(e.day) }, [e.id]),
      }),
    );
  }
}

/** Beliefs from rumours (and rumours started): what was believed then, and when it was corrected. */
function beliefs(c: Ctx, out: Episode[]): void {
  const byProp = new Map<string, BeliefRow[]>();
  for (const b of c.life.beliefs) byProp.set(b.proposition, [...(byProp.get(b.proposition) ?? []), b]);
  for (const [prop, chain] of byProp) {
    // A possible sought is the trip's to tell; so is what Norfolk gave back.
    if (prop === 'my-possible') continue;
    chain.sort((a, b) => a.held_from - b.held_from || a.id - b.id);
    const told = new Set<string>();
    chain.forEach((b, i) => {
      if (b.source_kind !== 'rumour' && b.source_kind !== 'origin') return;
      // A story taken up again after it was put down is the same story: told once.
      if (told.has(b.version)) return;
      told.add(b.version);
      const next = chain[i + 1];
      const source = c.src.event(b.source_event);
      if (!source) return;
      const teller = b.source_kind === 'rumour' ? (b.via ?? source.other) : null;
      const wrong = b.truth === 0;
      const corrected = next && next.held_from <= c.life.dates.present ? next : undefined;
      const weight =
        (BELIEF_WEIGHT[prop] ?? 1) +
        (wrong ? 2 : 0) +
        (corrected && wrong ? 2 : 0) +
        (teller !== null ? c.bond(teller) / 4 : 0);
      out.push(
        episode(c, {
          kind: 'belief',
          day: b.held_from,
          weight,
          people: teller !== null ? [teller] : [],
          events: [b.source_event, ...(corrected ? [corrected.source_event] : [])],
          tell: (c) => {
            const persp = c.w.perspective;
            const sex = c.life.person.sex;
            const clause = beliefClause(b.proposition, b.version, persp, sex);
            const how = dataOf<{ how?: string }>(source)?.how;
            if (b.source_kind === 'origin')
              c.w.say(
                'belief.started',
                {
                  s: c.s,
                  when: c.when(b.held_from),
                  clause,
                  how: how ? howPhrase(how, c.first, sex) : undefined,
                },
                [b.source_event],
              );
            else if (teller !== null && teller >= 0)
              c.w.say('belief.rumour', { s: c.s, x: who(teller), when: c.when(b.held_from), clause }, [
                b.source_event,
              ]);
            else return;
            if (corrected) {
              const how = c.src.event(corrected.source_event);
              const clause2 = beliefClause(corrected.proposition, corrected.version, persp, sex);
              // "Learned" only when what came next is true; a second false story is told as one.
              // A second false story that is an episode of its own is told there, once.
              if (
                corrected.truth === 0 &&
                (corrected.source_kind === 'rumour' || corrected.source_kind === 'origin')
              ) {
                /* told by its own episode */
              } else if (corrected.truth === 0)
                c.w.say('belief.replaced', { s: c.s, when: c.then(corrected.held_from), clause: clause2 }, [
                  corrected.source_event,
                ]);
              else if (
                corrected.source_kind === 'debunk' &&
                how?.person !== null &&
                how?.person !== undefined
              )
                c.w.say(
                  'belief.debunked',
                  { s: c.s, g: who(how.person), when: c.then(corrected.held_from), clause: clause2 },
                  [corrected.source_event],
                );
              else
                c.w.say('belief.corrected', { s: c.s, when: c.then(corrected.held_from), clause: clause2 }, [
                  corrected.source_event,
                ]);
            } else if (wrong) {
              const refusal =
                prop === 'deferral'
                  ? c.life.of('deferral_refused').find((e) => e.person === c.life.id && e.day > b.held_from)
                  : undefined;
              if (refusal) c.w.say('belief.contradicted', { s: c.s, when: c.at(refusal.day) }, [refusal.id]);
              else c.w.say('belief.still', { s: c.s }, [b.source_event]);
            }
          },
        }),
      );
    });
  }
}

function madame(c: Ctx, out: Episode[]): void {
  const id = c.life.id;
  for (const e of c.life.of('madame_tested')) {
    const learned = c.life.beliefs.find((b) => b.source_event === e.id);
    const leader = e.person;
    out.push(
      episode(c, {
        kind: 'madame-tested',
        day: e.day,
        weight: 7,
        people: leader !== null && leader !== id ? [leader] : [],
        events: [e.id],
        tell: (c) => {
          if (leader === id || leader === null)
            c.w.say('madame.tested.led', { s: c.s, when: c.when(e.day) }, [e.id]);
          else c.w.say('madame.tested', { s: c.s, x: who(leader), when: c.when(e.day) }, [e.id]);
          if (learned)
            c.w.say(
              'madame.afraid',
              {
                s: c.s,
                clause: beliefClause(
                  learned.proposition,
                  learned.version,
                  c.w.perspective,
                  c.life.person.sex,
                ),
              },
              [e.id],
            );
        },
      }),
    );
  }
  for (const e of c.life.of('madame_moved')) {
    if (e.person !== id) continue;
    const item = e.value !== null && e.value >= 0 ? c.src.item(e.value) : undefined;
    out.push(
      episode(c, {
        kind: 'madame-moved',
        day: e.day,
        weight: 14,
        people: [],
        events: [e.id],
        tell: (c) => {
          c.w.say(
            'madame.moved',
            {
              s: c.s,
              when: c.when(e.day),
              song: item ? thingPhrase(item.label, item.kind) : 'a song I loved',
            },
            [e.id],
          );
          c.w.say('madame.moved.after', { s: c.s }, [e.id]);
        },
      }),
    );
  }
}
