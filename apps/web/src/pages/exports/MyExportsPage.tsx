import { MyExports } from '../../components/MyExports';

/** Every role's own reports, whichever screen asked for them, to find and download again. */
export function MyExportsPage() {
  return <MyExports headingLevel={1} />;
}
