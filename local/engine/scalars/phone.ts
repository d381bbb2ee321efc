import { stringScalar } from './string-scalar.js';

/** Digits with an optional leading `+`, groups separated by spaces, hyphens or a parenthesised area code. */
const PHONE_TEXT = /^\+?[0-9(][0-9 ()-]*[0-9]$/;
/** A NANP number without its country code: area code and exchange both start with 2-9. */
const NANP_NATIONAL = /^[2-9]\d{2}[2-9]\d{6}$/;

/**
 * AppSync validates phone numbers for plausibility, like libphonenumber with default region US: numbers
 * without a country code are NANP (US/Canada). `1110004444` (area code starting with 1) and `+12312` are
 * refused (observed, spec appsync-graphql-engine.md §2.2 and §7 items 21-22). libphonenumber's per-country
 * metadata is not available here, so other country codes are checked for E.164 length only (8-15 digits):
 * a deliberate approximation.
 */
function isPlausiblePhoneNumber(text: string): boolean {
  if (!PHONE_TEXT.test(text)) return false;
  const digits = text.replace(/\D/g, '');
  const international = text.startsWith('+');
  if (!international || digits.startsWith('1')) {
    const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
    return NANP_NATIONAL.test(national);
  }
  return digits.length >= 8 && digits.length <= 15;
}

export const AWSPhone = stringScalar({
  name: 'AWSPhone',
  noun: 'phone number',
  description: 'A phone number; numbers without a country code are taken as NANP (US/Canada).',
  isValid: isPlausiblePhoneNumber,
});
