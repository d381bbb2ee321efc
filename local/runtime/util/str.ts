/**
 * `util.str` (spec appsync-js-runtime.md §3.3): Unicode normalisation. The form is accepted in any
 * case ("nfc" as typed, "NFC" as Java's `Normalizer.Form` names it); any other form is refused with
 * Java's `Form.valueOf` message (AWS's answer to an invalid form is unconfirmed).
 */
import { BuiltinInputError } from '../signals.js';
import { expectString } from './arguments.js';

const FORMS = new Set(['NFC', 'NFD', 'NFKC', 'NFKD']);

function normalize(value: unknown, normalizationType: unknown): string {
  const text = expectString(value, 'util.str.normalize', 'value');
  const form = expectString(normalizationType, 'util.str.normalize', 'normalizationType').toUpperCase();
  if (!FORMS.has(form)) {
    throw new BuiltinInputError(`No enum constant java.text.Normalizer.Form.${form}`);
  }
  return text.normalize(form);
}

export const stringUtils = { normalize };
