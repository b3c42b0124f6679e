/**
 * The code of each config problem: a checker notes `fail(path, CODE, ...args)`, and ./messages
 * words it. Numbers, which the build inlines: the checkers ship in the script tag's every page view,
 * their words only with a bad config.
 */
export const REQUIRED = 0
export const CONFIG_TYPE = 1
export const STR = 2
export const BOOL = 3
export const INT = 4
export const ONE_OF = 5
export const KEY = 6
export const TEXT_KEY = 7
export const VENDOR_KEY = 8
export const OBJ = 9
export const STRINGS = 10
export const STRING = 11
export const GLOB = 12
export const LOCALIZED = 13
export const LANGUAGE_KEY = 14
export const LINK = 15
export const TARGET = 16
export const COOKIE_TABLE = 17
export const NO_CATEGORY = 18
export const SERVICE_NAME = 19
export const CATEGORY_NAME = 20
export const NAME_TAKEN = 21
export const COOKIE_NAME = 22
export const DOMAIN_NAME = 23
export const COOKIE_PATH = 24
export const REGION_CODE = 25
export const NO_JURISDICTIONS = 26
export const AUTO_OR_LANGUAGE = 27
export const NO_TEXTS = 28
export const VENDOR_ID = 29
export const CONSENTLESS = 30
export const NO_OWNER = 31
