import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's scale: 3 is "safely unguessable" (about 10^8 guesses and more), 4 "very unguessable". */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/** Built on first use: loading the common-passwords dictionary takes a moment and some memory. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

/**
 * Why a password is refused, in French, or null when it is acceptable: at least 12 characters, and
 * not guessable from the common-passwords list, keyboard patterns, sequences or dates (zxcvbn).
 */
export function passwordWeakness(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `doit compter au moins ${MIN_PASSWORD_LENGTH} caractères`;
  if (zxcvbn().check(password).score < MIN_SCORE)
    return 'trop courant ou trop facile à deviner (mot du dictionnaire, suite de touches, date…)';
  return null;
}
