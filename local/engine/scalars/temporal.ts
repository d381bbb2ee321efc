/**
 * AWSDate, AWSTime and AWSDateTime (spec appsync-graphql-engine.md §2.2; AppSync developer guide "Scalar
 * types"). Zone offsets are `Z` or `±hh:mm` with optional `:ss` (accepted although not ISO 8601); `±hhmm`
 * is rejected (observed, and confirmed by the AppSync team on re:Post).
 */
import { stringScalar } from './string-scalar.js';

const ZONE = '(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?)';
const DATE = '(-?\\d{4})-(\\d{2})-(\\d{2})';
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d';

const DATE_PATTERN = new RegExp(`^${DATE}${ZONE}?$`);
/** `hh:mm`, `hh:mm:ss`, `hh:mm:ss.f…` with any number of fraction digits (spec §2.2, obs via amplify-js). */
const TIME_PATTERN = new RegExp(`^${TIME}(?::[0-5]\\d(?:\\.\\d+)?)?${ZONE}?$`);
/**
 * The zone is required for AWSDateTime. Unconfirmed (spec §2.2 open question 1): the developer guide says
 * "The time zone offset is compulsory for this scalar" and AppSync's engine parses into a Java
 * OffsetDateTime; the guide also limits the fraction to 1-9 digits.
 */
const DATE_TIME_PATTERN = new RegExp(`^${DATE}T${TIME}(?::[0-5]\\d(?:\\.\\d{1,9})?)?${ZONE}$`);

/** Rejects impossible calendar dates such as `2020-02-30` (unconfirmed; a Java date parser would). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthLengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= monthLengths[month - 1]!;
}

function matchesDate(pattern: RegExp, text: string): boolean {
  const match = pattern.exec(text);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export const AWSDate = stringScalar({
  name: 'AWSDate',
  noun: 'date',
  description: 'An extended ISO 8601 date string `YYYY-MM-DD`, optionally with a zone offset.',
  isValid: (text) => matchesDate(DATE_PATTERN, text),
});

export const AWSTime = stringScalar({
  name: 'AWSTime',
  noun: 'time',
  description: 'An extended ISO 8601 time string `hh:mm:ss.sss`, optionally with a zone offset.',
  isValid: (text) => TIME_PATTERN.test(text),
});

export const AWSDateTime = stringScalar({
  name: 'AWSDateTime',
  noun: 'DateTime Object',
  description: 'An extended ISO 8601 date-time string `YYYY-MM-DDThh:mm:ss.sssZ`.',
  isValid: (text) => matchesDate(DATE_TIME_PATTERN, text),
});
