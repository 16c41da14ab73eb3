// Cross-reference checks that a schema alone does not make: every resid resolves to a
// <Resources> entry of the right kind, resource ids and control ids are unique, each ribbon
// icon list has the mandatory sizes, the add-in targets Excel with an ExcelApi requirement,
// and every localizable string carries the en-US override ZiPing promises.
"use strict";

const { attributeOf } = require("./xml");
const { NS, RESOURCE_COLLECTIONS } = require("./schema");
const { tag } = require("./check-structure");

const MANDATORY_ICON_SIZES = [16, 32, 80];
const SECOND_LOCALE = "en-US";

function childrenNamed(element, local, ns) {
  return element ? element.children.filter((c) => c.local === local && c.ns === ns) : [];
}
function firstChild(element, local, ns) {
  return childrenNamed(element, local, ns)[0];
}

/**
 * @param {any} root parsed manifest root
 * @param {import("./check-structure").StructureResult} facts
 * @returns {{ problems: any[], imageSizes: Map<string, number>, excelApiVersion: string | null }}
 */
function checkReferences(root, facts) {
  const problems = [];
  const report = (at, message, severity = "error") => problems.push({ line: at.line, column: at.column, message, severity });

  // Unused resources are only worth a warning once the structure is sound; before that, an error
  // (say an unknown Host type) hides the references and every resource would look unused.
  const structureSound = !facts.problems.some((p) => p.severity === "error");
  checkResources(facts, report, structureSound);
  checkUniqueControlIds(facts, report);
  const imageSizes = checkIconLists(facts, report);
  checkLocalized(facts, report);
  checkHost(root, report);
  const excelApiVersion = checkRequirements(root, report);
  return { problems, imageSizes, excelApiVersion };
}

function checkResources(facts, report, warnUnused) {
  const byKey = new Map();
  for (const definition of facts.definitions) {
    const key = `${definition.kind}|${definition.id}`;
    const earlier = byKey.get(key);
    if (earlier) {
      report(definition.element, `resource id "${definition.id}" is defined twice in ${RESOURCE_COLLECTIONS[definition.kind]} (first at line ${earlier.element.line})`);
    } else byKey.set(key, definition);
  }
  const used = new Set();
  for (const reference of facts.references) {
    const key = `${reference.kind}|${reference.id}`;
    if (byKey.has(key)) {
      used.add(key);
      continue;
    }
    const collection = RESOURCE_COLLECTIONS[reference.kind];
    const elsewhere = facts.definitions.find((d) => d.id === reference.id);
    report(
      reference.element,
      elsewhere
        ? `resid "${reference.id}" on ${tag(reference.element)} names a ${RESOURCE_COLLECTIONS[elsewhere.kind]} entry (line ${elsewhere.element.line}); ${tag(reference.element)} needs one from ${collection}`
        : `resid "${reference.id}" on ${tag(reference.element)} does not match any <bt:${collection}> entry in <Resources>`,
    );
  }
  for (const [key, definition] of byKey) {
    if (warnUnused && !used.has(key)) report(definition.element, `resource "${definition.id}" in ${RESOURCE_COLLECTIONS[definition.kind]} is never used`, "warning");
  }
}

function checkUniqueControlIds(facts, report) {
  const seen = new Map();
  for (const { id, element } of facts.controlIds) {
    const earlier = seen.get(id);
    if (earlier) report(element, `id "${id}" on ${tag(element)} is already used by ${tag(earlier)} at line ${earlier.line}`);
    else seen.set(id, element);
  }
}

/** Returns image resource id -> the pixel size the ribbon expects it to be. */
function checkIconLists(facts, report) {
  const imageSizes = new Map();
  const firstUse = new Map();
  for (const list of facts.iconLists) {
    const sizes = new Map();
    for (const image of list.children) {
      const size = Number(attributeOf(image, "size")?.value);
      const resid = attributeOf(image, "resid")?.value;
      if (sizes.has(size)) report(image, `icon size ${size} appears twice in this <Icon> list (first at line ${sizes.get(size).line})`);
      sizes.set(size, image);
      if (!resid || !Number.isFinite(size)) continue;
      const expected = imageSizes.get(resid);
      if (expected !== undefined && expected !== size) {
        report(image, `image "${resid}" is used as a ${size}px icon here but as a ${expected}px icon at line ${firstUse.get(resid).line}`);
      } else if (expected === undefined) {
        imageSizes.set(resid, size);
        firstUse.set(resid, image);
      }
    }
    const missing = MANDATORY_ICON_SIZES.filter((size) => !sizes.has(size));
    if (missing.length) report(list, `<Icon> in <${list.parent.local}> lacks the mandatory size${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (16, 32 and 80 are required)`);
  }
  return imageSizes;
}

/** ZiPing's own rule: every display string has an en-US override next to the zh-CN default. */
function checkLocalized(facts, report) {
  for (const element of facts.localized) {
    const locales = element.children.map((o) => attributeOf(o, "Locale")?.value);
    if (!locales.includes(SECOND_LOCALE)) {
      const id = attributeOf(element, "id")?.value;
      report(element, `${tag(element)}${id ? ` "${id}"` : ""} has no <Override Locale="${SECOND_LOCALE}">`);
    }
  }
}

function checkHost(root, report) {
  const hosts = childrenNamed(firstChild(root, "Hosts", NS.office), "Host", NS.office);
  if (!hosts.length) {
    report(root, `<OfficeApp> must declare <Hosts><Host Name="Workbook"/></Hosts> (ZiPing is an Excel add-in)`);
    return;
  }
  for (const host of hosts) {
    const name = attributeOf(host, "Name")?.value;
    if (name !== "Workbook") report(host, `<Host Name="${name}"> is not Excel; the only host is Name="Workbook"`);
  }
}

/** Returns the ExcelApi version the manifest requires, or null after reporting why it is missing. */
function checkRequirements(root, report) {
  const requirements = firstChild(root, "Requirements", NS.office);
  const sets = firstChild(requirements, "Sets", NS.office);
  const excelSet = childrenNamed(sets, "Set", NS.office).find((s) => attributeOf(s, "Name")?.value === "ExcelApi");
  if (!excelSet) {
    report(requirements ?? root, `<Requirements> must name the ExcelApi requirement set: <Sets><Set Name="ExcelApi" MinVersion="1.7"/></Sets>`);
    return null;
  }
  const version = attributeOf(excelSet, "MinVersion")?.value ?? attributeOf(sets, "DefaultMinVersion")?.value;
  if (!version) {
    report(excelSet, `<Set Name="ExcelApi"> needs a MinVersion (ZiPing needs ExcelApi 1.7)`);
    return null;
  }
  return version;
}

module.exports = { checkReferences, MANDATORY_ICON_SIZES };
