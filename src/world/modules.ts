/**
 * The modules every world runs, in the order their hooks fire. The lifecycle and caring come
 * first (the lifecycle opens the schools at init; caring serves it); the storyline comes last,
 * so the other modules have heard of a beat before its consequences are made. Between them the
 * standard rule modules, which a test may replace: deferrals hear of a resident leaving before
 * school life parts the couple.
 */
import { storyline } from './canon/index.js';
import { caring } from './caring/index.js';
import { deferrals } from './caring/deferral.js';
import { lifecycle } from './lifecycle/index.js';
import type { ModuleFactory } from './module.js';
import { schoolLife } from './school/index.js';

/** The modules every world runs before the others. */
export const FIRST_MODULES: readonly ModuleFactory[] = [lifecycle, caring];

/** The standard rule modules (a world may run others instead). */
export const STANDARD_MODULES: readonly ModuleFactory[] = [deferrals, schoolLife];

/** The module every world runs after the others. */
export const LAST_MODULES: readonly ModuleFactory[] = [storyline];
