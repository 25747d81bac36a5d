/**
 * Phrases for the memoir's own frame: its opening in the present of caring, the interludes between parts,
 * the associations that move the telling, and its close.
 * The table is data: its keys are a closed set (`MemoirPhraseKey`), so a key misspelt where a
 * phrase is looked up fails to compile.
 */
import type { Phrasebook } from '../writer.js';

export const MEMOIR_PHRASES = {
  'open.carer': [
    { t: 'I am {age} now, and for {years} I have been a carer, driving between {centres}.' },
    {
      t: 'For {years} I have worked as a carer; I am {age}, and most of my days are spent on the roads between {centres}.',
    },
    {
      t: 'I have been a carer for {years}, and at {age} I know the roads between {centres} better than I know anything.',
    },
    { t: 'I am {age} now, and for {years} I have been a carer, driving to {centre} and back.' },
    { t: 'For {years} I have worked as a carer; I am {age}, and I know every bend of the road to {centre}.' },
  ],
  'open.donors.all': [
    {
      t: 'There have been {donors} in all, and every one of them completed while I was still caring for them.',
    },
    { t: 'I have had {donors}, and I saw every one of them through to the end.' },
  ],
  'open.donors.one': [
    {
      t: 'In all that time I have had only one donor of my own, {x}, who completed while I was caring for {x.obj}.',
      w: 1,
    },
  ],
  'open.donors.one.alive': [{ t: 'In all that time I have had only one donor of my own, {x}.' }],
  'open.donors': [
    { t: 'In that time I have looked after {donors}, and {done} of them completed while I was their carer.' },
    { t: 'There have been {donors} in all; {done} completed while they were still mine.' },
  ],
  'open.donors.none': [
    { t: 'In that time I have looked after {donors}, and every one of them came through while I had them.' },
  ],
  'open.record': [
    { t: 'I am told my donors stay calmer than most, and I admit I take some pride in that.' },
    {
      t: 'People say my donors keep calm, that I have a way with them, and I try not to make too much of it.',
    },
  ],
  'open.chosen': [
    {
      t: 'Lately I have been allowed to choose whom I look after, and more than once I have chosen someone I knew from {school}.',
    },
    {
      t: 'Because my record is good I have sometimes been let choose my donors, and I have chosen people from {school}.',
    },
  ],
  'open.ending': [
    {
      t: '[All of that|The caring|That part of my life|It] is [coming to an end now|nearly over now|drawing to a close|ending now][, though|, all the same|].',
    },
    {
      t: 'This is the last of it, though: {when} I was given my notice[, and it came as no surprise|, as I knew I would be|].',
    },
  ],
  'open.resident': [
    { t: 'I am {age}, and I have been living at {residence} since I left {school}.' },
    { t: 'I am {age} now, at {residence}, and {school} is already a few years behind me.' },
  ],
  'open.student': [
    { t: 'I am {age}, and I am still at {school}.' },
    { t: 'I am {age} years old and {school} is all I have known.' },
  ],
  'open.why': [
    {
      t: 'I want to set [some things|a few things|it all] down while I [still have the time|can], [and do it properly|in order|as it happened|].',
    },
    {
      t: 'Before that happens I want to go back over it all[, and put it in order|, slowly|, from the start|].',
    },
    {
      t: 'There are [things|a few things|some things] I [would like|want] to get straight [before then|first|while I can].',
    },
  ],
  'open.school.all': [
    {
      t: 'Every one of my donors has been from {school}, as I was, and perhaps that is why the place is so often on my mind.',
    },
    {
      t: 'All of my donors, as it happens, were {school} people, and with each of them the place came back to me a little.',
    },
  ],
  'open.school.some': [
    {
      t: '{k} of my {n} donors were {school} people, and with each of them the place came back to me a little.',
    },
    { t: 'Only {k} of my {n} donors came from {school}, but each of them brought the place back to me.' },
  ],
  'open.school': [
    {
      t: 'Most of my donors have been {school} people, {k} of the {n}, and perhaps that is why the place is so often on my mind.',
    },
    {
      t: 'More than half of my donors, {k} of {n}, came from {school}, and with each of them the place came back to me.',
    },
  ],
  'interlude.school': [
    { t: '{when} one of my donors at {centre} was {x}, who had been at {school} {rel}.' },
    { t: '{when} I was looking after {x.obj} at {centre}; {x} had been at {school} {rel}.' },
  ],
  'interlude.reflect': [
    { t: 'It does not take much, a name or the smell of a corridor, and I am back there.' },
    { t: 'Looking after someone from {school} always brings it back, whether I want it or not.' },
    { t: 'We talked about {school}, as people from there always do, and it started me remembering.' },
  ],
  'interlude.residence': [
    { t: '{when} I was caring for {x.obj} at {centre}, and {x} had been at {residence} when I was.' },
    {
      t: 'One of my donors, {x}, had been at {residence} in my time there, and I cared for {x.obj} at {centre} {when}.',
    },
  ],
  'interlude.residence.reflect': [
    {
      t: 'That is how the {residence} days come back to me now: through people met again, years on, in recovery centres.',
    },
    {
      t: 'Seeing {x.obj} again made me think of the {residence} days, which I had not done for a long time.',
    },
  ],
  'interlude.caring': [
    { t: 'The caring itself I can tell more quickly, though it has taken up far more of my life.' },
    {
      t: 'After that came the years of caring, which run together in my mind more than the earlier ones do.',
    },
    { t: 'Then came the caring, which is most of my life so far, and which is harder to tell.' },
  ],
  'assoc.cared': [
    { t: 'Years later, at {centre}, I would be {x.pos} carer, though nothing then could have told me so.' },
    { t: 'Much later I was {x.pos} carer, at {centre}; but that was a long way off.' },
    { t: 'I did not know then that I would be {x.pos} carer one day, at {centre}.' },
  ],
  'assoc.cared.done': [
    { t: '{x} completed there, after {x.pos} {ord} donation.' },
    { t: 'It was there that {x} completed, after the {ord} donation.' },
  ],
  'assoc.completed': [
    { t: '{x} completed at {centre} {when}, though at the time none of that could have been imagined.' },
    { t: 'I think of that now knowing that {x} completed at {centre}, {when}.' },
    { t: 'It is strange to remember {x.obj} like that, when I know {x} completed {when}, at {centre}.' },
  ],
  'intro.guardians': [
    {
      t: 'The guardians brought us up: {head}, who ran {school}, and {others}[, among others|, and a few more].',
    },
    {
      t: '[We were in the care of|We were brought up by|We grew up in the hands of] guardians; {head} was [at the head of them|over them all|in charge], and [the ones I remember first|the first names I learned|the ones we saw most of|the ones who come back to me first] were {others}.',
    },
    {
      t: '{head} ran the place, and under {head.obj} {others} and the other guardians taught us, [fed us|watched us] and decided what we were told.',
    },
    {
      t: 'There were no parents, only guardians: {head}, [our head guardian|the headmistress], and {others}[ among them|].',
    },
    {
      t: '[Looking after us were|We had|Over us were] the guardians, {others} and the rest, and [over all of them|above them all|at the head of them] {head}[, whom we saw less often|, who seemed to see everything|].',
    },
  ],
  'intro.exchange': [
    {
      t: "[Four times a year|Every season] there was an Exchange, where we bought [each other's|one another's] [pictures and poems|paintings and poems|drawings and carvings] with tokens, and I was {age} at my first.",
    },
    {
      t: "I was {age} when I first understood the Exchanges: what we made, the guardians paid for in tokens, and with the tokens we bought one another's work.",
    },
    {
      t: 'From {age} on there were the Exchanges, [a few times a year|every season], when our paintings and poems changed hands for tokens.',
    },
    {
      t: 'The Exchanges began for me at {age}; we spent tokens there, the small [paper|card] currency the guardians gave for any work they accepted.',
    },
    {
      t: 'Tokens were what we had [instead of|in place of] money, earned by the [work we handed in|pictures and poems we made], and I spent my first at an Exchange when I was {age}.',
    },
  ],
  'intro.sale': [
    {
      t: 'Then there were the Sales, boxes of old things brought in from outside, [and we queued for them|which we queued for] with our tokens; the first I remember I was {age}.',
    },
    {
      t: 'Every so often a van brought the Sales, and we spent our tokens on [toys, scarves and tapes|old toys and clothes|tapes and trinkets] other people had finished with; I was {age} at my first.',
    },
    {
      t: 'The Sales came later, when I was {age}: crates of cast-off things from the world outside, [laid out on tables|spread over the dining hall].',
    },
    {
      t: 'At {age} I went to my first Sale, where the boxes from outside were opened and we [bargained|jostled] for what was in them.',
    },
  ],
  'intro.gallery': [
    {
      t: 'And there was Madame, who came a few times a year and took the best of our work away for what we called the Gallery; nobody would tell us what it was for.',
    },
    {
      t: 'I was {age} the first time Madame came to choose work for her Gallery, a tall woman from outside whom none of us dared go near.',
    },
    {
      t: 'From when I was {age}, Madame came [a few times a year|now and then] and carried off the best pieces for the Gallery, and what the Gallery was nobody would say.',
    },
    {
      t: 'Madame, who came from outside, took what she liked of our work for the Gallery, and being chosen mattered to us more than I can explain; I was {age} when I first saw her.',
    },
  ],
  'kept.packed': [
    {
      t: 'Going through my things since then, I keep coming back to {thing}, [bought at a Sale at {school}|from a Sale at {school}], [which has been in every room I have had|which has come with me to every bedsit since|which has ridden in the car on most of my rounds].',
    },
    {
      t: 'Of everything in my room, the thing I would least like to lose is {thing}, [from a {school} Sale|which I bought at a Sale at {school}][, though it is worth nothing at all|, and I have never been able to say why|].',
    },
    {
      t: 'All through my caring I have kept {thing}, [from a Sale at {school}|bought at a {school} Sale], and it will [come with me to {centre}|go with me wherever they send me].',
    },
  ],
  'kept.bought': [
    {
      t: "I had bought it the {season} I was {age}, [with tokens I had been saving for weeks|after queueing most of an afternoon|from the bottom of a box nobody else wanted], [and I remember carrying it back to the dormitory as if someone might take it from me|and I remember how it smelt of somebody else's house|and for days afterwards I kept checking it was there].",
    },
    {
      t: 'It came out of a Sale box the {season} I was {age}, [and I had spent nearly all my tokens on it|and two of us had reached for it at once|when I had almost stopped hoping for anything good], [and I still remember the feel of it that first night|and nobody could understand what I saw in it|and the others laughed at me for it].',
    },
    {
      t: 'I was {age} when I found it at a Sale, [that {season}|one {season}], [half hidden under a heap of old jumpers|in a box of odds and ends|among things nobody wanted], and [I paid for it before anyone else could see it|I counted my tokens twice before I bought it].',
    },
  ],
  'close.kept': [
    { t: 'I still have {things}, bought with tokens at {school}.' },
    { t: 'Of the things I bought at the Sales, {things} are still with me.' },
    { t: 'Some of my collection came with me all the way: {things}.' },
  ],
  'close.kept.same': [
    { t: 'The things from the Sales that I named are still with me, every one of them.' },
    { t: 'I still have those things from the Sales, all of them.' },
    {
      t: 'Whatever else went, [the things I bought at the {school} Sales|my {school} things|what I bought with my tokens] [stayed with me|never went astray|came through], [every one|all of them|down to the last].',
    },
    {
      t: 'The rest of my collection from {school} [is in a box under my bed|fits in one box now|is in a shoebox in the car].',
    },
  ],
  'close.gone': [
    { t: '{people} have completed, and so have {most} of the others from my year.' },
    { t: 'Of the people I have written about, {people} are gone now.' },
    { t: '{people} have all completed.' },
  ],
  'close.final': [
    {
      t: 'Soon someone else will drive the roads between {centres}, and I will be the one waiting at a recovery centre for my carer to arrive.',
    },
    {
      t: 'Before long I will be at [a recovery centre|a centre somewhere] myself, and someone [younger|new to the work|from another school] will be driving to see me[ there|].',
    },
    {
      t: '[Soon|Before long|Some time this year] it will be my turn to wait [in a room at a centre|at a centre|in a recovery room] for a carer[, and to hope it is someone who knew {school}|, and I hope whoever comes will let me talk|, and I wonder who it will be|].',
    },
    {
      t: '[I will not be driving much longer|My driving days are nearly over|The car will not be mine much longer]; [soon|before the year is out|before long] I will be [on the other side of it|the one who is visited|the one waiting for a carer].',
    },
    {
      t: '[When my turn comes at {centre}|Whatever happens at {centre}|When I am a donor at {centre} myself], I mean to [keep|hold on to|carry] all of it with me: {school}, {residence}, and [everyone I have told of here|the people in these pages|all of them].',
    },
  ],
  'close.final.still': [
    {
      t: 'I do not know how much longer it will go on, but I mean to keep all of this with me, whatever comes.',
    },
    { t: 'Whatever comes next, I mean to keep all of this with me.' },
  ],
} satisfies Phrasebook;

/** Every key of MEMOIR_PHRASES. */
export type MemoirPhraseKey = keyof typeof MEMOIR_PHRASES;
