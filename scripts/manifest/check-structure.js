// Checks a parsed manifest against the schema in schema.js: the root element, each element's
// children (allowed, in sequence order, with min/max counts), xsi:type subtypes, attributes and
// text values. Along the way it records the facts the cross-reference checks need.
"use strict";

const { attributeOf } = require("./xml");
const { NS, TYPES, ROOT } = require("./schema");
const { VALUE_KINDS } = require("./values");

/**
 * @typedef {{ line: number, column: number, message: string, severity: "error" | "warning" }} Problem
 * @typedef {{ kind: string, id: string, element: any }} ResourceFact
 * @typedef {{ value: string, element: any, role: string }} UrlFact
 * @typedef {{
 *   problems: Problem[],
 *   definitions: ResourceFact[], references: ResourceFact[], urls: UrlFact[],
 *   iconLists: any[], controlIds: { id: string, element: any }[], localized: any[],
 * }} StructureResult
 */

const PREFIXES = Object.fromEntries(Object.entries(NS).map(([prefix, uri]) => [uri, prefix]));

function describeNamespace(uri) {
  return uri ? `${uri}${PREFIXES[uri] ? ` (${PREFIXES[uri]})` : ""}` : "no namespace";
}

/** "<Label>" for messages, with the xsi:type when there is one. */
function tag(element) {
  const xsiType = attributeOf(element, "type", NS.xsi);
  return xsiType ? `<${element.local} xsi:type="${xsiType.value}">` : `<${element.local}>`;
}

/** Where an element sits, as a short path of local names: OfficeApp/VersionOverrides/... */
function pathOf(element) {
  const names = [];
  for (let e = element; e; e = e.parent) names.unshift(e.local);
  return names.join("/");
}

/**
 * @param {any} root parsed XML root
 * @returns {StructureResult}
 */
function checkStructure(root) {
  /** @type {StructureResult} */
  const result = { problems: [], definitions: [], references: [], urls: [], iconLists: [], controlIds: [], localized: [] };
  const report = (at, message, severity = "error") =>
    result.problems.push({ line: at.line, column: at.column, message, severity });

  if (root.local !== ROOT.name || root.ns !== ROOT.ns) {
    report(root, `the root element must be <${ROOT.name}> in ${describeNamespace(ROOT.ns)}, found <${root.local}> in ${describeNamespace(root.ns)}`);
    return result;
  }
  checkElement(root, ROOT, result, report);
  return result;
}

/** Picks the concrete type from xsi:type when the declared type has subtypes. */
function concreteType(element, typeName, report) {
  const type = typeof typeName === "string" ? TYPES[typeName] : typeName;
  if (!type.xsiTypes) return type;
  const xsiType = attributeOf(element, "type", NS.xsi);
  const allowed = Object.keys(type.xsiTypes);
  if (!xsiType) {
    report(element, `<${element.local}> needs xsi:type (${allowed.join(" or ")})`);
    return null;
  }
  const local = xsiType.value.slice(xsiType.value.indexOf(":") + 1);
  const subtype = type.xsiTypes[local];
  if (!subtype) {
    const excelOnly = element.local === "Host" ? " (ZiPing is an Excel add-in)" : "";
    report(xsiType, `<${element.local}> has xsi:type="${xsiType.value}"; expected ${allowed.join(" or ")}${excelOnly}`);
    return null;
  }
  return TYPES[subtype];
}

function checkElement(element, typeName, result, report) {
  const type = concreteType(element, typeName, report);
  if (!type || type.lax) return;

  checkAttributes(element, type, result, report);

  if (type.text) {
    if (element.children.length) report(element.children[0], `<${element.local}> holds only text; <${element.children[0].local}> is not allowed inside it`);
    const value = element.text.trim();
    const problem = VALUE_KINDS[type.text](value);
    if (problem) report(element, `<${element.local}> ${problem}`);
    if (type.text === "appDomain" || type.text === "url") result.urls.push({ value, element, role: element.local });
    return;
  }

  if (element.text.trim()) report(element, `<${element.local}> must not contain text ("${element.text.trim().slice(0, 40)}")`);
  checkSequence(element, type.children ?? [], result, report);
  if (type.iconList) result.iconLists.push(element);
  if (type.localized) result.localized.push(element);
}

function checkAttributes(element, type, result, report) {
  const rules = type.attributes ?? {};
  for (const attr of element.attributes) {
    if (attr.ns === NS.xsi && attr.local === "type") continue;
    if (attr.name === "xmlns" || attr.prefix === "xmlns") continue;
    const rule = attr.ns === null ? rules[attr.local] : undefined;
    if (!rule) {
      report(attr, `attribute ${attr.name} is not allowed on <${element.local}>`);
      continue;
    }
    const problem = VALUE_KINDS[rule.kind](attr.value);
    if (problem) report(attr, `${attr.name} on <${element.local}> ${problem}`);
    if (rule.kind === "url") result.urls.push({ value: attr.value, element, role: `${element.local} ${attr.name}` });
    if (rule.defines) result.definitions.push({ kind: rule.defines, id: attr.value, element });
    if (rule.references) result.references.push({ kind: rule.references, id: attr.value, element });
    if (rule.uniqueId) result.controlIds.push({ id: attr.value, element });
  }
  for (const [name, rule] of Object.entries(rules)) {
    if (rule.required && !attributeOf(element, name)) report(element, `<${element.local}> is missing the ${name} attribute`);
  }
}

/**
 * Walks the children against the type's sequence. Each child must match an entry at or after the
 * current position; skipping past a required entry, repeating beyond maxOccurs, coming back to an
 * earlier entry (wrong order) or matching no entry at all are reported with both elements' lines.
 */
function checkSequence(parent, sequence, result, report) {
  const counts = sequence.map(() => 0);
  const firstSeen = sequence.map(() => null);
  let position = 0;
  for (const element of parent.children) {
    const index = sequence.findIndex((entry) => entry.name === element.local && entry.ns === element.ns);
    if (index < 0) {
      const sameName = sequence.find((entry) => entry.name === element.local);
      report(
        element,
        sameName
          ? `<${element.local}> in ${pathOf(parent)} is in ${describeNamespace(element.ns)}; it must be in ${describeNamespace(sameName.ns)}`
          : `<${element.local}> is not allowed in <${parent.local}> (${pathOf(parent)}); allowed: ${sequence.map((e) => e.name).join(", ") || "nothing"}`,
      );
      continue;
    }
    if (index < position) {
      const later = firstSeen.findIndex((seen, i) => i > index && seen);
      const blocker = firstSeen[later];
      report(element, `<${element.local}> is out of order in <${parent.local}>: it must come before <${blocker.local}> (line ${blocker.line}); the schema order is ${sequence.map((e) => e.name).join(", ")}`);
      continue;
    }
    for (let skipped = position; skipped < index; skipped++) {
      // An element that does appear, only later, gets the clearer "out of order" message instead.
      const appearsLater = parent.children.some((c) => c.local === sequence[skipped].name && c.ns === sequence[skipped].ns);
      if (counts[skipped] < sequence[skipped].min && !appearsLater) {
        report(element, `<${parent.local}> is missing required <${sequence[skipped].name}> before <${element.local}>`);
      }
    }
    position = index;
    counts[index]++;
    firstSeen[index] ??= element;
    if (counts[index] > sequence[index].max) {
      report(element, `<${parent.local}> allows at most ${sequence[index].max} <${element.local}>; this is number ${counts[index]}`);
    }
    checkElement(element, sequence[index].type, result, report);
  }
  for (let rest = position; rest < sequence.length; rest++) {
    if (counts[rest] < sequence[rest].min) {
      report(parent, `${tag(parent)} (${pathOf(parent)}) is missing required <${sequence[rest].name}>`);
    }
  }
}

module.exports = { checkStructure, tag };
