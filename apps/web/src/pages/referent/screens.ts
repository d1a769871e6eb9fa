import type { Screen } from '../../routing/screen';
import { ContractPage } from './ContractPage';
import { ContractsPage } from './ContractsPage';
import { MyDepartmentPage } from './MyDepartmentPage';
import { OpinionsPage } from './OpinionsPage';
import { ProjectOpinionPage } from './ProjectOpinionPage';

export const referentScreens: Screen[] = [
  {
    path: '/mon-departement',
    title: 'Mon département',
    Component: MyDepartmentPage,
    can: 'departmentSpace',
    nav: 'Mon département',
  },
  {
    path: '/mon-departement/avis',
    title: 'Avis sur les projets',
    Component: OpinionsPage,
    can: 'giveOpinions',
    nav: 'Avis sur les projets',
  },
  {
    path: '/mon-departement/avis/:id',
    title: 'Avis sur un projet',
    Component: ProjectOpinionPage,
    can: 'giveOpinions',
  },
  {
    path: '/mon-departement/contrats',
    title: 'Contrats locaux de santé',
    Component: ContractsPage,
    can: 'departmentSpace',
    nav: 'Contrats locaux de santé',
  },
  {
    path: '/contrats/:id',
    title: 'Contrat local de santé',
    Component: ContractPage,
    section: ['/mon-departement/contrats', '/contrats/couverture'],
  },
];
