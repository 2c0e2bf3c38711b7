import type { Command } from 'commander';
import { profileSchemaFor } from '../validate/profile-schema.js';
import { editionById, setup } from './setup.js';
import type { Io } from './io.js';

export function registerSchema(cli: Command, io: Io): void {
  cli
    .command('schema')
    .requiredOption('--edition <id>', 'edition whose schema to print')
    .action(async (options: { edition: string }) => {
      const { editions } = await setup();
      io.stdout(`${JSON.stringify(profileSchemaFor(editionById(editions, options.edition)), null, 2)}\n`);
    });
}
