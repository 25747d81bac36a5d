import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { defaultIo } from '../io.js';
import { COMMAND_FILES, COMMAND_NAMES, commandsFor, type RegisterCommand } from './index.js';

function namesAdded(registers: readonly RegisterCommand[]): string[] {
  const program = new Command();
  for (const register of registers) register(program, defaultIo);
  return program.commands.map((c) => c.name());
}

describe('loading commands', () => {
  it('each file adds exactly the commands the table names for it', async () => {
    for (const file of COMMAND_FILES) expect(namesAdded(await file.load())).toEqual(file.names);
  });

  it('loads the named command alone, none for --version, and all for anything else', async () => {
    expect(namesAdded(await commandsFor(['stats', 'w.db']))).toEqual(['stats']);
    expect(namesAdded(await commandsFor(['rumour', 'w.db', '3']))).toEqual(['school', 'rumour']);
    expect(await commandsFor(['--version'])).toEqual([]);
    expect(namesAdded(await commandsFor(['--version', 'x']))).toEqual(COMMAND_NAMES);
    expect(namesAdded(await commandsFor(['stat']))).toEqual(COMMAND_NAMES);
    expect(namesAdded(await commandsFor(['help', 'stats']))).toEqual(COMMAND_NAMES);
    expect(namesAdded(await commandsFor([]))).toEqual(COMMAND_NAMES);
  });
});
