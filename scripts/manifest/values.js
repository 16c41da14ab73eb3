// Value rules for manifest text and attributes, from the simple types of the manifest XSDs
// (ShortString, LongString, URL, UUID, Version, CultureName, ...). Each rule returns null when
// the value is fine, or a phrase saying what is wrong.
"use strict";

const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;
const URL_MAX = 2048;
const REFERENCE_ID_MAX = 32;
// Icon sizes the IconList accepts; 16, 32 and 80 are mandatory in every list.
const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];

const UUID = /^(?:(?:urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
const CULTURE = /^(?:[a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(?:-[a-zA-Z]{2,3})?|[a-zA-Z]{2,3}(?:-[a-zA-Z]{2,3}(?:_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?)$/;
// The XSD allows one to four parts; ZiPing always writes all four (n.n.n.n) so versions sort plainly.
const VERSION = /^[0-9]{1,5}(?:\.[0-9]{1,5}){3}$/;
const SHORT_VERSION = /^[0-9]{1,5}\.[0-9]{1,5}$/;

/** Length as the XSD counts it: in characters (code points), not UTF-16 units. */
function characters(value) {
  return [...value].length;
}

function boundedString(max) {
  return (value) => {
    const length = characters(value);
    if (length === 0) return "is empty";
    if (length > max) return `is ${length} characters long; the limit is ${max}`;
    return null;
  };
}

function httpsUrl(value) {
  const length = characters(value);
  if (length === 0) return "is empty";
  if (length > URL_MAX) return `is ${length} characters long; the limit is ${URL_MAX}`;
  let url;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an absolute URL`;
  }
  if (url.protocol !== "https:") return `"${value}" must use https (Office loads add-in content only over https)`;
  return null;
}

const VALUE_KINDS = {
  nonEmpty: (value) => (value.length ? null : "is empty"),
  short: boundedString(SHORT_STRING_MAX),
  long: boundedString(LONG_STRING_MAX),
  url: httpsUrl,
  appDomain: (value) => boundedString(LONG_STRING_MAX)(value) ?? httpsUrl(value),
  referenceId: boundedString(REFERENCE_ID_MAX),
  uuid: (value) => (UUID.test(value) ? null : `"${value}" is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`),
  version: (value) => (VERSION.test(value) ? null : `"${value}" is not a version of the form n.n.n.n`),
  shortVersion: (value) => (SHORT_VERSION.test(value) ? null : `"${value}" is not a version of the form n.n`),
  culture: (value) => (CULTURE.test(value) ? null : `"${value}" is not a culture name such as zh-CN`),
  permissions: (value) =>
    PERMISSIONS.includes(value) ? null : `"${value}" is not one of ${PERMISSIONS.join(", ")}`,
  iconSize: (value) =>
    ICON_SIZES.map(String).includes(value) ? null : `"${value}" is not an icon size (${ICON_SIZES.join(", ")})`,
};

module.exports = { VALUE_KINDS, ICON_SIZES, SHORT_STRING_MAX, LONG_STRING_MAX };
