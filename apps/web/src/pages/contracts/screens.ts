import type { Screen } from '../../routing/screen';
import { ContractFormPage } from './ContractFormPage';
import { ContractListPage } from './ContractListPage';
import { CoveragePage } from './CoveragePage';

/** Where a contract's form belongs in the navigation: a referent's contracts, else the coverage. */
const CONTRACTS_SECTION = ['/mon-departement/contrats', '/contrats/couverture'];

export const contractScreens: Screen[] = [
  {
    path: '/contrats/couverture',
    title: 'Couverture des contrats locaux de santé',
    Component: CoveragePage,
    can: 'readContracts',
    nav: 'Couverture des CLS',
  },
  {
    path: '/contrats',
    title: 'Contrats locaux de santé de la région',
    Component: ContractListPage,
    can: 'readContracts',
    section: ['/contrats/couverture'],
  },
  {
    path: '/contrats/nouveau',
    title: 'Nouveau contrat local de santé',
    Component: ContractFormPage,
    can: 'writeContracts',
    section: CONTRACTS_SECTION,
  },
  {
    path: '/contrats/:id/modifier',
    title: 'Modifier un contrat local de santé',
    Component: ContractFormPage,
    can: 'writeContracts',
    section: CONTRACTS_SECTION,
  },
];
