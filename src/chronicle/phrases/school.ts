/**
 * Phrases for school life: arriving, the Gallery, Exchanges and Sales, things lost and found, friendships,
 * couples, cliques, tempers and teasing, what guardians said, Madame, and beliefs.
 * The table is data keyed by the event type a sentence rests on (see `EventPhrasebook`); its
 * keys are a closed set (`SchoolPhraseKey`), so a key misspelt where a
 * phrase is looked up fails to compile.
 */
import type { EventPhrasebook } from './types.js';

export const SCHOOL_PHRASES = {
  'born.first': [
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
  'born.only': [
    { t: '{s.full} was born in {month} {year} and placed at {school}.', p: 'third' },
    { t: 'I was born in {year}, and {school} is where I was raised.', p: 'first' },
  ],
  'work_chosen.many': [
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
      t: 'Madame chose {s.pos} work for the Gallery more than once, beginning with {work} when {s} was {age}.',
      p: 'third',
    },
    {
      t: 'Over the years {s.pos} pieces went to the Gallery [now and then|more than once], the first of them {work}, made at {age}.',
      p: 'third',
    },
  ],
  'work_chosen.reflect': [
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
  // The Gallery and Madame, for a reader who meets them here first.
  'work_chosen.intro': [
    {
      t: '[A few times a year|Two or three times a year|Every so often] a woman from outside, whom we [called|knew as|only ever called] Madame, came to {school} and [took away|carried off|chose] the best of our [pictures and poems|paintings and carvings|work] for something we called the Gallery[; nobody ever told us what it was|, though what it was nobody would say|, and what that was nobody explained].',
      p: 'first',
    },
    {
      t: 'Madame, as we called her, was not one of the guardians: she came from [outside|the world beyond the fields|somewhere far off] [a few times a year|now and then|twice a year or so] and [carried off|took away|chose] the [work|pieces|things] she liked best, for what we [all knew as|spoke of as|called] the Gallery.',
      p: 'first',
    },
    {
      t: '[Every so often|From time to time|Each term or so] Madame, a [tall|thin|brisk] woman from outside who [never stayed the night|never stayed long|kept herself apart from us], came to choose our best work for the Gallery, and [what became of it after that none of us knew|where it went after that we could only guess|nobody told us where it went].',
      p: 'first',
    },
    {
      t: '[A few times a year|Every so often] a visitor the students called Madame came to {school} to choose the best of their work for what they called the Gallery.',
      p: 'third',
    },
  ],
  'work_chosen.one': [
    {
      t: 'Only once did Madame take anything of mine for the Gallery: {work}, when I was {age}.',
      p: 'first',
    },
    { t: 'Just one thing I made ever went to the Gallery, {work}, the year I was {age}.', p: 'first' },
    { t: '{s} had a single piece taken for the Gallery, {work}, at the age of {age}.', p: 'third' },
  ],
  'work_chosen.none': [
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
  'exchange_held.sold': [
    {
      t: 'My {medium}s did well enough at the Exchanges[, and I came to count on them| over the years|], and I [was prouder of that than I let anyone see|liked watching someone carry one off|never had to go without at the Sales].',
      p: 'first',
    },
    {
      t: '[Things of mine sold|My work sold|People bought my things] [steadily|well enough|more often than not] at the Exchanges, and most of the tokens went on things at the Sales.',
      p: 'first',
    },
    {
      t: 'Other students bought {s.pos} {medium}s at the Exchanges, and {s} spent the tokens at the Sales.',
      p: 'third',
    },
    { t: 'At the Exchanges {s.pos} {medium}s [sold steadily|found buyers|were sought after].', p: 'third' },
  ],
  'exchange_held.none': [
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
  'exchange_held.few': [
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
  'exchange_held.buyer': [
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
  'sale_held.things': [
    { t: 'With the tokens I bought small things at the Sales: {things}.', p: 'first' },
    {
      t: 'My collection, by the time I left, held {things}, and other things I no longer remember.',
      p: 'first',
    },
    { t: 'At the Sales {s} bought small things over the years, among them {things}.', p: 'third' },
    { t: '{s.pos} collection grew Sale by Sale: {things}, and more besides.', p: 'third' },
  ],
  'sale_held.cassette': [
    { t: 'The thing I valued most was {cassette}, bought at a Sale when I was {age}.', p: 'first' },
    {
      t: 'I was {age} when I found {cassette} in a Sale box, and for years it was the first thing I would have saved.',
      p: 'first',
    },
    { t: '{s.pos} most prized possession was {cassette}, bought at a Sale at {age}.', p: 'third' },
  ],
  'item_lost.one': [
    { t: '{when} I lost {thing}.', p: 'first' },
    { t: '{thing} went missing {when}.', p: 'first' },
    { t: '{when} {thing} disappeared from my collection.', p: 'first' },
    { t: '{s} lost {thing} {when}.', p: 'third' },
    { t: '{when} {s} lost {thing}.', p: 'third' },
  ],
  'item_lost.never': [
    {
      t: 'I [looked for it|searched for it|hunted for it] for [weeks|days|a long time][, under beds and in the lockers| and asked everyone|], and never [found out|learned|discovered] what became of it.',
      p: 'first',
    },
    {
      t: 'It never turned up, and [after a while|in time|soon|] I stopped [expecting it to|looking].',
      p: 'first',
    },
    {
      t: '[Whoever had it|Whoever took it] kept it, and [I never asked|I never found out who|I let it go].',
      p: 'first',
    },
    { t: 'It was never found.', p: 'third' },
  ],
  'item_lost.later': [
    { t: 'It would be {years} before I saw {again} again.', p: 'first' },
    { t: 'I was not to see it again for {years}.', p: 'first' },
    { t: '{s} would not see it again for {years}.', p: 'third' },
  ],
  'item_lost.more': [
    { t: 'Other things went the same way over the years: {things}.', p: 'first' },
    { t: 'I lost other things too, as everyone did: {things}.', p: 'first' },
    { t: 'Over the years {s} lost other things as well: {things}.', p: 'third' },
  ],
  'item_found.same': [
    {
      t: 'In {town}, of all places, I found {thing}, not one like it but the very one, {years} after it went missing.',
      p: 'first',
    },
    { t: '{when}, in {town}, {thing} turned up again: my own, {years} after I had lost it.', p: 'first' },
    { t: 'In {town} {s} found {thing}, the very one {s} had lost {years} before.', p: 'third' },
  ],
  'item_found.same.again': [
    { t: 'In {town}, of all places, I found {again} again, my own and not a copy.', p: 'first' },
    { t: '{when}, in {town}, {again} turned up again, the very one I had lost.', p: 'first' },
    { t: 'In {town} {s} found {again} again, the very one.', p: 'third' },
  ],
  'item_found.copy': [
    {
      t: 'In {town} I came across {thing}, not my own but one just like it, {years} after mine had gone.',
      p: 'first',
    },
    { t: '{when}, in {town}, I found the twin of {thing} I had lost {years} earlier.', p: 'first' },
    { t: 'In {town} {s} came across {thing}, a copy of the one {s} had lost {years} before.', p: 'third' },
  ],
  'item_found.belief': [
    { t: 'After that I half believed what people said: that {clause}.', p: 'first' },
    { t: 'It seemed to prove what we used to say, that {clause}.', p: 'first' },
    { t: 'It seemed to bear out what the students said, that {clause}.', p: 'third' },
  ],
  friendship_formed: [
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
  'friendship_formed.lasted': [
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
  friendship_broken: [
    { t: '{when} we fell out, over {over}.', p: 'first' },
    { t: 'We fell out {when} over {over}, and were never quite friends again.', p: 'first' },
    { t: '{when} they fell out over {over}.', p: 'third' },
  ],
  couple_formed: [
    { t: '{when} {x} and I became a couple.', p: 'first' },
    { t: 'I was with {x.obj} from {at}.', p: 'first' },
    { t: '{when} {x} and I started going about together as a couple.', p: 'first' },
    { t: '{when} {s} and {x} became a couple.', p: 'third' },
    { t: '{s} was with {x.obj} from {at}.', p: 'third' },
  ],
  'couple_ended.drifted': [
    { t: 'We drifted apart {when}, without any quarrel I can remember.', p: 'first' },
    { t: 'By {when} it was over, though neither of us had ended it, exactly.', p: 'first' },
    { t: 'They drifted apart {when}.', p: 'third' },
  ],
  'couple_ended.quarrel': [
    { t: 'It ended in a quarrel {when}.', p: 'first' },
    { t: '{when} we quarrelled, and that was the end of it.', p: 'first' },
    { t: 'It ended in a quarrel {when}.', p: 'third' },
  ],
  'couple_ended.left': [
    { t: 'It ended {when}, when {leaver} left {place}.', p: 'first' },
    { t: 'It lasted until {leaver} left {place}, {when}.', p: 'first' },
    { t: 'It ended when {leaver} left {place}, {when}.', p: 'third' },
  ],
  'couple_ended.completed': [
    { t: 'It lasted until {x} completed.', p: 'first' },
    { t: 'They stayed together until {x} completed.', p: 'third' },
  ],
  'clique_formed.member': [
    { t: '{when} I belonged to the set around {x.obj}.', p: 'first' },
    { t: 'By {when} I was one of the little circle around {x.obj}.', p: 'first' },
    { t: '{when} {x} took me into {x.pos} circle, and I stayed in it until we left.', p: 'first' },
    { t: '{when} {s} joined the circle around {x.obj}.', p: 'third' },
    { t: 'By {when} {s} was one of the set around {x.obj}.', p: 'third' },
  ],
  'clique_formed.leader': [
    { t: '{when} a small circle gathered round me: {members}.', p: 'first' },
    { t: '{when} I had a little following of my own, {members} among them.', p: 'first' },
    { t: '{when} {s} gathered a circle of {s.pos} own: {members}.', p: 'third' },
  ],
  'tantrum.own': [
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
    { t: '{s} lost {s.pos} temper [more than once|now and then] at {school}, over {triggers}.', p: 'third' },
  ],
  'tantrum.one': [
    { t: '{when} I lost my temper over {trigger}, the only time I remember doing so.', p: 'first' },
    { t: '{when} {s} flew into a rage over {trigger}.', p: 'third' },
  ],
  'tantrum.laughed': [
    { t: '{x} was among those who laughed when I raged over {trigger}.', p: 'first' },
    { t: 'When I raged over {trigger}, {x} laughed with the rest.', p: 'first' },
    { t: '{x} laughed at one of those rages.', p: 'third' },
  ],
  'tantrum.calmed': [
    { t: 'Once it was {x} who calmed me down.', p: 'first' },
    { t: '{x} was the one who talked me round, the time it was over {trigger}.', p: 'first' },
    { t: 'Once {x} was the one who calmed {s.obj} down.', p: 'third' },
  ],
  'tantrum.seen.laughed': [
    { t: '{when} {x} flew into a rage over {trigger}, and I laughed along with the others.', p: 'first' },
    {
      t: 'I laughed too, {when}, when {x} lost {x.pos} temper over {trigger}; it is not something I like remembering.',
      p: 'first',
    },
    { t: '{when} {x} lost {x.pos} temper over {trigger}, and {s} laughed with the rest.', p: 'third' },
  ],
  'tantrum.seen.calmed': [
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
  'guardian_disclosed.plain': [
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
  'guardian_disclosed.mid': [
    { t: '{when} {g} [explained to us|made sure we knew|went over with us] that {clause}.', p: 'first' },
    { t: 'It was {g} who told us, {when}, that {clause}.', p: 'first' },
    { t: '{when} {g} told {s.pos} class that {clause}.', p: 'third' },
  ],
  'guardian_disclosed.vague': [
    {
      t: '{when} {g} let us know, [in a roundabout way|almost in passing|between other things|without quite saying it], that {clause}.',
      p: 'first',
    },
    { t: '{g} touched on it {when}, so lightly that we hardly noticed: {clause}.', p: 'first' },
    { t: '{when} {g} hinted to {s.pos} class that {clause}.', p: 'third' },
  ],
  'guardian_disclosed.missed': [
    { t: 'I do not think I took it in at the time.', p: 'first' },
    { t: 'It passed over me, as a great deal did then.', p: 'first' },
    { t: 'It seems not to have registered with {s.obj}.', p: 'third' },
  ],
  'guardian_disclosed.tookin': [
    {
      t: '[Somehow|In a way|I think] we had known it already, and [at the same time|all the same|yet somehow] [had not|did not know it at all|were not ready for it].',
      p: 'first',
    },
    {
      t: "I remember the [quiet|silence|stillness] afterwards better than [the words themselves|the words|anything said|what was said][, and the way nobody looked at anybody|, and someone's chair scraping|].",
      p: 'first',
    },
    {
      t: '[Afterwards|At lunch|That evening in the dormitory] [nobody mentioned it|we talked about anything else|we were louder than usual], [as though we had agreed to|which was its own kind of answer|and I think we were relieved].',
      p: 'first',
    },
    {
      t: '[Nobody asked anything|Not one of us asked a question|No hands went up|We sat very still|Somebody coughed], and the [lesson|class|morning|afternoon] went on[ as before| as if nothing had been said| much as usual|].',
      p: 'first',
    },
    { t: '{s} took it in.', p: 'third' },
  ],
  'guardian_spoke_plainly.said': [
    { t: '{when} {g} told our class plainly what lay ahead of us: that {clause}.', p: 'first' },
    { t: '{when} {g} stood in front of us and said what nobody had said before, that {clause}.', p: 'first' },
    {
      t: '{when} {g} told {s.pos} class plainly that {clause}, against every rule of the school.',
      p: 'third',
    },
  ],
  'guardian_spoke_plainly.silence': [
    { t: 'Nobody said anything at all.', p: 'first' },
    { t: 'We sat quite still, and nobody asked a question.', p: 'first' },
    { t: 'The class heard it in silence.', p: 'third' },
  ],
  'guardian_spoke_plainly.unrest': [
    { t: 'There was a great deal of talk afterwards, much of it angry.', p: 'first' },
    { t: 'For days afterwards we talked of little else.', p: 'first' },
    { t: 'It caused a stir among the students for days.', p: 'third' },
  ],
  'guardian_spoke_plainly.disbelief': [
    { t: 'Most of us decided {g} had got it wrong.', p: 'first' },
    { t: 'Most of the class chose not to believe it.', p: 'third' },
  ],
  'guardian_spoke_plainly.left': [
    { t: '{when} {g} was gone from {school}, and nobody told us why.', p: 'first' },
    { t: 'Not long after, {g} left {school}; we were given no reason.', p: 'first' },
    { t: '{when} {g} left {school}.', p: 'third' },
  ],
  'guardian_spoke_plainly.wonder': [
    { t: 'I have wondered since whether the two things were connected.', p: 'first' },
    { t: 'It was years before I put the two things together.', p: 'first' },
  ],
  'guardian_spoke_to.comfort': [
    {
      t: '{when} {g} told me it did not matter whether I was good at art, and that I must not let anyone make me feel it did.',
      p: 'first',
    },
    { t: '{when} {g} found me on my own and said that being creative or not was not important.', p: 'first' },
    { t: '{when} {g} told {s.obj} that it did not matter whether {s} was any good at art.', p: 'third' },
  ],
  'guardian_spoke_to.truth': [
    { t: '{when} {g} took it back, and said my art mattered after all.', p: 'first' },
    {
      t: '{when} {g} told {s.obj} that {g.pos} earlier comfort had been wrong, and that the art did matter.',
      p: 'third',
    },
  ],
  'guardian_spoke_to.praise': [
    { t: '{when} {g} praised my work in front of the others.', p: 'first' },
    { t: '{when} {g} singled out {s.pos} work for praise.', p: 'third' },
  ],
  'rumour_heard.rumour': [
    { t: '{when} {x} told me that {clause}, and I believed it.', p: 'first' },
    { t: 'It was {x} who told me, {when}, that {clause}.', p: 'first' },
    { t: 'I heard from {x.obj} {when} that {clause}.', p: 'first' },
    { t: '{when} {s} heard from {x.obj} that {clause}.', p: 'third' },
    { t: '{x} told {s.obj} {when} that {clause}.', p: 'third' },
  ],
  rumour_started: [
    { t: '{when} I started a story of my own: that {clause}.', p: 'first' },
    { t: 'I am afraid one of those stories began with me, {when}: that {clause}.', p: 'first' },
    { t: '{when} I {how}, and a story began: that {clause}.', p: 'first' },
    { t: '{when} {s} started a rumour that {clause}.', p: 'third' },
    { t: '{when} {s} {how}, and a rumour began: that {clause}.', p: 'third' },
  ],
  rumour_debunked: [
    { t: '{when} {g} set us right[, kindly enough|, sharply|]: {clause}.', p: 'first' },
    {
      t: '[It was {g} who put a stop to it|{g} was the one who ended it|In the end {g} put a stop to it], {when}, [telling us|and told us once and for all|and said firmly|saying plainly] that {clause}.',
      p: 'first',
    },
    { t: '{when} {g} put the story down, telling the students that {clause}.', p: 'third' },
  ],
  'rumour_heard.corrected': [
    { t: 'I held on to that until {when}, when I learned that {clause}.', p: 'first' },
    {
      t: '{when} I [learned otherwise|found out how it really was|was told the truth of it|understood properly][:|, and it was this:|; the truth was that] {clause}.',
      p: 'first',
    },
    { t: '{s} held to that until {when}, when {s} learned that {clause}.', p: 'third' },
  ],
  'rumour_heard.replaced': [
    { t: '{when} I heard a different story, that {clause}, and that one was no truer.', p: 'first' },
    {
      t: '[Then|After a while] the story changed: {when} people were saying that {clause}, which was no nearer the truth.',
      p: 'first',
    },
    { t: '{when} {s} heard a different story, that {clause}, and that one was no truer.', p: 'third' },
  ],
  'rumour_heard.contradicted': [
    {
      t: 'It was not so, and {when} my own refusal should have told me, though I did not let the idea go at once.',
      p: 'first',
    },
    { t: '{when} what happened to my own application showed it was not so.', p: 'first' },
    { t: '{when} {s.pos} own refusal showed it was not so.', p: 'third' },
  ],
  'rumour_heard.still': [
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
    {
      t: '[Nobody|Not one guardian|No one] ever [took it back|set it straight|told us different], [and it was wrong all along|though it was nothing but talk|and it had never been true].',
      p: 'first',
    },
    { t: '{s} never learned otherwise.', p: 'third' },
  ],
  madame_tested: [
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
  'madame_tested.led': [
    {
      t: '{when} I talked some of the others into crowding round Madame all together, to see what she would do.',
      p: 'first',
    },
    {
      t: '{when} {s} led a group of students in crowding round Madame, to see whether she feared them.',
      p: 'third',
    },
  ],
  'gallery_visit.afraid': [
    {
      t: 'She held herself very still until we had gone by, and after that we were sure that {clause}.',
      p: 'first',
    },
    { t: 'We saw her stiffen, and knew from then on that {clause}.', p: 'first' },
    { t: 'Madame went rigid, and {s.name} came away sure that {clause}.', p: 'third' },
  ],
  madame_moved: [
    { t: '{when} Madame came upon me alone with {song} playing, and I saw that she was crying.', p: 'first' },
    { t: '{when} Madame found me by myself, listening to {song}, and wept.', p: 'first' },
    { t: '{when} Madame came upon {s} alone with {song} playing, and wept.', p: 'third' },
  ],
  'madame_moved.after': [
    { t: 'I did not understand her tears then, and I am not certain I do now.', p: 'first' },
    { t: 'She said nothing, and neither did I.', p: 'first' },
    { t: 'Neither of them spoke of it.', p: 'third' },
  ],
} satisfies EventPhrasebook;

/** Every key of SCHOOL_PHRASES. */
export type SchoolPhraseKey = keyof typeof SCHOOL_PHRASES;
