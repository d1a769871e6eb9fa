import { Select } from '@codegouvfr/react-dsfr/Select';
import { PARTICIPATION_LEVEL_LABELS, type ParticipationLevel } from '@app/vocabulary';
import { Options } from './Options';

/**
 * How far the people concerned take part in a project or an action ("rien sur nous sans nous"): the
 * field `participation` of the forms, none by default.
 */
export function ParticipationSelect({ of, defaultValue = 'none' }: { of: string; defaultValue?: ParticipationLevel }) {
  return (
    <Select
      label="Participation des personnes concernées"
      hint={`Jusqu’où les personnes concernées prennent part ${of}`}
      nativeSelectProps={{ name: 'participation', defaultValue, required: true }}
    >
      <Options choices={PARTICIPATION_LEVEL_LABELS} />
    </Select>
  );
}
