/**
 * The standard modules every world runs, in the order their hooks fire. The lifecycle is not
 * here: it is the world's own (src/world/world.ts).
 */
import type { ModuleFactory } from './module.js';
import { storyline } from './canon/consequences.js';
import { deferrals } from './caring/deferral.js';
import { schoolLife } from './school/index.js';

// Deferrals hear of a resident leaving before school life parts the couple.
export const STANDARD_MODULES: readonly ModuleFactory[] = [deferrals, schoolLife, storyline];
