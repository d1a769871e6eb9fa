import 'reflect-metadata';
import { runMain } from '@app/core/bootstrap/run-main';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parseArgs } from 'node:util';
import { AppConfig, SYSTEM_ACTOR } from '@app/core';
import { CreateUserDto, UsersService } from '@app/identity';
import { CliModule } from './cli.module';
import { DemoSeeder } from './demo/demo-seeder';
import { revertThrough, withOwnerConnection } from './migrations-runner';

const USAGE = `usage: cli <command>
  migrate                      apply pending migrations
  migrate:revert [--to NAME]   revert the last migration, or every one down to and including NAME
  seed-demo                    create the demo accounts (never in production)
  create-admin --email E --name N   first admin of a fresh install; password from ADMIN_PASSWORD or stdin`;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Mot de passe (puis Entrée, Ctrl-D) : ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, to: { type: 'string' } },
  });
  const command = positionals[0];
  if (!command) throw new Error(USAGE);
  const app = await NestFactory.createApplicationContext(CliModule, {
    logger: ['error', 'warn', 'log'],
    abortOnError: false,
  });
  try {
    const config = app.get(AppConfig);
    switch (command) {
      case 'migrate': {
        const applied = await withOwnerConnection(config, (owner) => owner.runMigrations({ transaction: 'each' }));
        console.log(`migrations applied: ${applied.map((m) => m.name).join(', ') || 'none pending'}`);
        break;
      }
      case 'migrate:revert':
        if (values.to) {
          const to = values.to;
          const reverted = await withOwnerConnection(config, (owner) => revertThrough(owner, to));
          console.log(`migrations reverted: ${reverted.join(', ') || 'none (not applied)'}`);
        } else {
          await withOwnerConnection(config, (owner) => owner.undoLastMigration({ transaction: 'each' }));
          console.log('last migration reverted');
        }
        break;
      case 'seed-demo':
        await app.get(DemoSeeder).seed();
        break;
      case 'create-admin': {
        if (!values.email || !values.name) throw new Error(USAGE);
        const password = config.get('ADMIN_PASSWORD') ?? (await readStdin());
        const dto = plainToInstance(CreateUserDto, {
          email: values.email,
          displayName: values.name,
          password,
          roles: ['admin'],
        });
        const errors = await validate(dto);
        if (errors.length > 0) throw new Error(errors.flatMap((e) => Object.values(e.constraints ?? {})).join('; '));
        const user = await app.get(UsersService).create(SYSTEM_ACTOR, dto);
        console.log(`admin created: ${user.email} (${user.id})`);
        break;
      }
      default:
        throw new Error(USAGE);
    }
  } finally {
    await app.close();
  }
}

runMain(main);
