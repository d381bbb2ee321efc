/**
 * `util.xml` (spec appsync-js-runtime.md §3.7). The documented examples fix the main shape: the root
 * element is the single top-level key, element text that reads as a number or boolean becomes one
 * (`<id>1</id>` → `"id": 1`), and repeated sibling elements become an array. The rest follows the
 * conventions of org.json's `XML.toJSONObject`, which the output matches (unconfirmed): attributes
 * are plain keys, text beside attributes or child elements is under `content`, an empty element is
 * `""`, text is trimmed, numbers with leading zeros stay strings, the XML declaration and comments
 * are dropped. Input that is not well-formed XML gives `null` (the typings allow `null`; the exact
 * AWS behaviour is unconfirmed).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expectString } from './arguments.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: 'content',
  parseTagValue: true,
  parseAttributeValue: true,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  numberParseOptions: { hex: false, leadingZeros: false, eNotation: true },
});

function toMap(xml: unknown): Record<string, unknown> | null {
  const text = expectString(xml, 'util.xml.toMap', 'xml');
  if (XMLValidator.validate(text) !== true) return null;
  const document = parser.parse(text) as Record<string, unknown>;
  // A document has one root element (the validator lets `<a/><b/>` and `<a/><a/>` through).
  const roots = Object.values(document);
  return roots.length === 1 && !Array.isArray(roots[0]) ? document : null;
}

/**
 * `JSON.stringify(toMap(xml))`; with `stringEncode` true the JSON text is itself encoded as a JSON
 * string (quoted and escaped), ready to embed in another JSON document (unconfirmed).
 */
function toJsonString(xml: unknown, stringEncode?: unknown): string {
  const json = JSON.stringify(toMap(expectString(xml, 'util.xml.toJsonString', 'xml')));
  return stringEncode === true ? JSON.stringify(json) : json;
}

export const xmlUtils = { toMap, toJsonString };
