import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, Role, SYSTEM_ACTOR } from '@app/core';
import { UsersService } from '@app/identity';
import { CallsSeeder } from './calls-seeder';
import { CommissionSeeder } from './commission-seeder';
import { EquitySeeder } from './equity-seeder';
import { RoadmapContractsSeeder } from './roadmap-contracts-seeder';

interface DemoAccount {
  email: string;
  displayName: string;
  roles: Role[];
  departmentCodes?: string[];
}

/** CONTRACT.md's demo accounts. Every person here is fictional. */
const CONTRACT_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@demo.iss.local', displayName: 'Alex Martin (admin)', roles: ['admin'] },
  { email: 'delegue@demo.iss.local', displayName: 'Claire Delmas', roles: ['regional_delegate'] },
  { email: 'chargee@demo.iss.local', displayName: 'Inès Fabre', roles: ['mission_officer'] },
  {
    email: 'referent31@demo.iss.local',
    displayName: 'Julien Castan',
    roles: ['departmental_referent'],
    departmentCodes: ['31'],
  },
  {
    email: 'referent34@demo.iss.local',
    displayName: 'Sophie Ribes',
    roles: ['departmental_referent'],
    departmentCodes: ['34'],
  },
  { email: 'membre@demo.iss.local', displayName: 'Marc Olivier', roles: ['commission_member'] },
  { email: 'auditeur@demo.iss.local', displayName: 'Nadia Bensaïd', roles: ['auditor'] },
];

/** The rest of the referent network; Lozère (48) is left vacant, as happens, to show a vacancy. */
const OTHER_REFERENTS: DemoAccount[] = [
  ['09', 'Lucie Fournier'],
  ['11', 'Thomas Barthe'],
  ['12', 'Élodie Vidal'],
  ['30', 'Karim Haddad'],
  ['32', 'Anne Laffont'],
  ['46', 'Paul Delpech'],
  ['65', 'Maïa Etchegoyen'],
  ['66', 'Jordi Puig'],
  ['81', 'Hélène Cabrol'],
  ['82', 'Romain Sabatier'],
].map(([code, displayName]) => ({
  email: `referent${code}@demo.iss.local`,
  displayName,
  roles: ['departmental_referent'] as Role[],
  departmentCodes: [code],
}));

@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly users: UsersService,
    private readonly commission: CommissionSeeder,
    private readonly calls: CallsSeeder,
    private readonly roadmapContracts: RoadmapContractsSeeder,
    private readonly equity: EquitySeeder,
    private readonly config: AppConfig,
  ) {}

  /** Idempotent: accounts that exist are left as they are. */
  async seed(): Promise<void> {
    if (this.config.isProduction) throw new Error('Demo data is never seeded when NODE_ENV=production');
    // Demo accounts skip the password policy (CreateUserDto's): DEMO_PASSWORD is fixed by CONTRACT.md.
    const password = this.config.get('DEMO_PASSWORD');
    for (const account of [...CONTRACT_ACCOUNTS, ...OTHER_REFERENTS]) {
      const created = await this.users.createIfAbsent(SYSTEM_ACTOR, { ...account, password });
      if (created) this.logger.log(`demo account ${account.email}`);
    }
    await this.commission.seed();
    await this.calls.seed();
    await this.roadmapContracts.seed();
    await this.equity.seed();
  }
}
