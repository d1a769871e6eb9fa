import { Button } from '@codegouvfr/react-dsfr/Button';

interface Props {
  /** The move, as its button says it ("Clôturer l’appel"). */
  move: string;
  pending: boolean;
  onCancel: () => void;
}

/** The two buttons under a move's confirmation form (a call's, a project's): confirm it, or step back. */
export function ConfirmButtons({ move, pending, onCancel }: Props) {
  return (
    <ul className="fr-btns-group fr-btns-group--inline-md">
      <li>
        <Button type="submit" disabled={pending}>
          Confirmer : {move}
        </Button>
      </li>
      <li>
        <Button type="button" priority="tertiary" onClick={onCancel}>
          Annuler
        </Button>
      </li>
    </ul>
  );
}
