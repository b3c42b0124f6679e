import { describe, expect, test } from 'vitest'
import * as codes from '../../src/core/config/codes'
import { explain, MESSAGES, type Code } from '../../src/core/config/messages'

// What each code says, with sample arguments: the table is an array in the order of the codes,
// so a code added in the middle, or words moved, shows here.
const SAID: Record<keyof typeof codes, [unknown[], string]> = {
  REQUIRED: [[], 'required'],
  CONFIG_TYPE: [[null], 'expected an object, got null'],
  STR: [[], 'expected a non-empty string'],
  BOOL: [[], 'expected true or false'],
  INT: [[1, 9], 'expected a whole number from 1 to 9'],
  ONE_OF: [[['a', 'b']], 'expected "a", "b"'],
  KEY: [[['a', 'b']], 'unknown key (expected one of a, b)'],
  TEXT_KEY: [[['a']], 'unknown key (expected a language code or one of a)'],
  VENDOR_KEY: [['tagId'], 'unknown key (expected tagId or category)'],
  OBJ: [['texts'], 'expected an object of texts'],
  STRINGS: [[], 'expected an array of strings'],
  STRING: [[], 'expected a string'],
  GLOB: [['a b'], '"a b" is not a cookie or storage name'],
  LOCALIZED: [[], 'expected a string or an object of texts by language'],
  LANGUAGE_KEY: [[], 'expected a language code such as "de"'],
  LINK: [['javascript:x'], '"javascript:x" must be an http(s) or relative URL'],
  TARGET: [['service', 'x'], 'expected the name of a configured service, got "x"'],
  COOKIE_TABLE: [[], 'expected an array of { name, provider, purpose, duration }'],
  NO_CATEGORY: [[], 'expected at least one category'],
  SERVICE_NAME: [[], 'service names use letters, digits, "-" and "_", starting with a letter'],
  CATEGORY_NAME: [[], 'category names use letters, digits, "-" and "_", starting with a letter'],
  NAME_TAKEN: [['ga'], '"ga" is already the name of a category or service'],
  COOKIE_NAME: [['a;b'], '"a;b" is not a valid cookie name'],
  DOMAIN_NAME: [['a b'], '"a b" is not a domain name'],
  COOKIE_PATH: [[], 'expected a path starting with "/"'],
  REGION_CODE: [['USA'], '"USA" is not an ISO 3166 code such as "US" or "US-CA"'],
  NO_JURISDICTIONS: [[], 'needs jurisdictions to choose a model'],
  AUTO_OR_LANGUAGE: [['x_y'], '"x_y" is not "auto" or a language code such as "de"'],
  NO_TEXTS: [['xx', 'xx', ['de']], 'no texts for "xx": use one of en, de, or add texts.xx'],
  VENDOR_ID: [[5], 'expected a string of letters and digits, got 5'],
  CONSENTLESS: [['essential'], '"essential" is required, so the vendor would run without consent'],
  NO_OWNER: [['ads'], 'no category or service "ads" is configured']
}

describe('config messages', () => {
  test('the codes number the table from 0, one each', () => {
    expect(Object.values(codes).sort((a, b) => a - b)).toEqual([...MESSAGES.keys()])
  })

  test('each code has its own words', () => {
    for (let [name, code] of Object.entries(codes)) {
      let [args, said] = SAID[name as keyof typeof codes]
      expect(explain(['at', code as Code, ...args]), name).toBe('at: ' + said)
    }
  })
})
