/** `util.xml` (spec appsync-js-runtime.md §3.7) and `util.rds.toJsonObject` (spec §3.8). */
import { describe, expect, it } from 'vitest';
import { refused, thrownBy, utilWithState } from './state.js';

const { util } = utilWithState();

const ONE_POST = `<?xml version="1.0" encoding="UTF-8"?>
<posts>
<post>
  <id>1</id>
  <title>Getting started with GraphQL</title>
</post>
</posts>`;

const TWO_POSTS = `<?xml version="1.0" encoding="UTF-8"?>
<posts>
<post>
  <id>1</id>
  <title>Getting started with GraphQL</title>
</post>
<post>
  <id>2</id>
  <title>Getting started with AppSync</title>
</post>
</posts>`;

describe('util.xml.toMap', () => {
  it('converts the documented examples', () => {
    // AWS docs "XML helpers in util.xml", examples 1 and 2 (doc)
    expect([util.xml.toMap(ONE_POST), util.xml.toMap(TWO_POSTS)]).toEqual([
      { posts: { post: { id: 1, title: 'Getting started with GraphQL' } } },
      {
        posts: {
          post: [
            { id: 1, title: 'Getting started with GraphQL' },
            { id: 2, title: 'Getting started with AppSync' },
          ],
        },
      },
    ]);
  });

  it('follows org.json conventions for attributes, mixed text, empty elements and numbers', () => {
    // spec §3.7: attributes and the rest unconfirmed; org.json XML.toJSONObject conventions
    const xml = '<a id="7" flag="true">text &amp; more<b/><c></c><d>007</d><e>1.5</e><f>false</f><g><![CDATA[x<y]]></g><!-- note --></a>';
    expect(util.xml.toMap(xml)).toEqual({
      a: { id: 7, flag: true, content: 'text & more', b: '', c: '', d: '007', e: 1.5, f: false, g: 'x<y' },
    });
  });

  it('answers null for input that is not well-formed XML', () => {
    // spec §3.7: invalid XML → null (unconfirmed; the typings allow null)
    expect(['<a>unclosed', 'not xml', '', '<a/><b/>', '<a/><a/>'].map((xml) => util.xml.toMap(xml))).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('util.xml.toJsonString', () => {
  it('serialises toMap, optionally string-encoded', () => {
    // spec §3.7: stringEncode=true quotes and escapes the JSON (unconfirmed)
    const json = '{"posts":{"post":{"id":1,"title":"Getting started with GraphQL"}}}';
    expect([util.xml.toJsonString(ONE_POST), util.xml.toJsonString(ONE_POST, false), util.xml.toJsonString(ONE_POST, true)]).toEqual([
      json,
      json,
      JSON.stringify(json),
    ]);
  });

  it('refuses a non-string argument', () => {
    expect(thrownBy(() => util.xml.toJsonString(1))).toEqual(refused("util.xml.toJsonString: 'xml' must be a string, got number"));
  });
});

/** The typings' example of an RDS Data API result (two rows, three VARCHAR columns). */
const column = (label: string) => ({ label, name: label, typeName: 'VARCHAR', type: 12, tableName: 'Books' });
const BOOKS = {
  sqlStatementResults: [
    {
      numberOfRecordsUpdated: 0,
      records: [
        [{ stringValue: 'Mark Twain' }, { stringValue: 'Adventures of Huckleberry Finn' }, { stringValue: '978-1948132817' }],
        [{ stringValue: 'Jack London' }, { stringValue: 'The Call of the Wild' }, { stringValue: '978-1948132275' }],
      ],
      columnMetadata: [column('author'), column('title'), column('ISBN-13')],
    },
  ],
};

describe('util.rds.toJsonObject', () => {
  it('turns each statement into rows keyed by column label, from a string or an object', () => {
    // spec §3.8 (obs: localstack/appsync-utils resolvers.test.js.snap "rds resolvers toJsonObject")
    const rows = [
      [
        { author: 'Mark Twain', title: 'Adventures of Huckleberry Finn', 'ISBN-13': '978-1948132817' },
        { author: 'Jack London', title: 'The Call of the Wild', 'ISBN-13': '978-1948132275' },
      ],
    ];
    expect([util.rds.toJsonObject(JSON.stringify(BOOKS)), util.rds.toJsonObject(BOOKS)]).toEqual([rows, rows]);
  });

  it('unwraps every kind of column value and gives [] for a statement without records', () => {
    // spec §3.8 [obs] value unwrapping; typings: a mutation statement gives an empty list
    const result = {
      sqlStatementResults: [
        { numberOfRecordsUpdated: 1 },
        {
          records: [
            [
              { isNull: true },
              { longValue: 42 },
              { doubleValue: 1.5 },
              { booleanValue: false },
              { blobValue: 'aGk=' },
              { arrayValue: { stringValues: ['a', 'b'] } },
              { arrayValue: { arrayValues: [{ longValues: [1, 2] }, { longValues: [3] }] } },
              { structValue: { attributes: [{ stringValue: 'x' }, { isNull: true }] } },
            ],
          ],
          columnMetadata: ['none', 'long', 'double', 'bool', 'blob', 'strings', 'nested', 'struct'].map(column),
        },
      ],
    };
    expect(util.rds.toJsonObject(result)).toEqual([
      [],
      [{ none: null, long: 42, double: 1.5, bool: false, blob: 'aGk=', strings: ['a', 'b'], nested: [[1, 2], [3]], struct: ['x', null] }],
    ]);
  });

  it('refuses input that is not a Data API result', () => {
    expect([
      thrownBy(() => util.rds.toJsonObject('{')),
      thrownBy(() => util.rds.toJsonObject({ records: [] })),
      thrownBy(() => util.rds.toJsonObject({ sqlStatementResults: [{ records: [[{ stringValue: 'a' }]], columnMetadata: [] }] })),
    ]).toEqual([
      refused('util.rds.toJsonObject: the result is not valid JSON'),
      refused('util.rds.toJsonObject: expected an RDS Data API result with sqlStatementResults'),
      refused('util.rds.toJsonObject: each record must be a list of 0 column values'),
    ]);
  });
});
