// The parts of Microsoft's task-pane manifest schema that ZiPing uses, as data:
// OfficeAppManifestV1_1.xsd (TaskPaneApp), TaskPaneAppVersionOverridesV1_0.xsd and
// OfficeAppBasicTypesV1_0.xsd, transcribed by hand from the published XSDs
// (github.com/OfficeDev/office-js-docs-pr, docs/overview/schemas/taskpane).
// Each type lists its children in the order the XSD's <xs:sequence> requires, with
// minOccurs/maxOccurs, and its attributes. Elements whose type takes an xsi:type
// (Host, ExtensionPoint, Control, Action) name the allowed subtypes.
// Branches ZiPing does not use (Dictionary, WebApplicationInfo, custom functions,
// VersionOverrides 1.1) are "lax": their position is checked, their content is not.
"use strict";

const NS = {
  office: "http://schemas.microsoft.com/office/appforoffice/1.1",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  overrides11: "http://schemas.microsoft.com/office/taskpaneappversionoverrides/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  dsig: "http://www.w3.org/2000/09/xmldsig#",
};

const UNBOUNDED = Infinity;

/** One entry of a sequence: element local name, namespace, occurrence bounds and type. */
function child(name, ns, min, max, type) {
  return { name, ns, min, max, type };
}

/** Attribute rule: value kind (see VALUE_KINDS in checks) and whether it must be present. */
function attribute(kind, required = true, extra = {}) {
  return { kind, required, ...extra };
}

const O = NS.office;
const V = NS.overrides;
const B = NS.bt;
const N = UNBOUNDED;

// Locale-aware settings: DefaultValue plus per-locale <Override Locale Value>.
function localeSetting(kind, overrideNs) {
  return {
    attributes: { DefaultValue: attribute(kind) },
    children: [child("Override", overrideNs, 0, N, `${kind}Override@${overrideNs}`)],
    localized: kind !== "url",
  };
}
function localeOverride(kind) {
  return { attributes: { Locale: attribute("culture"), Value: attribute(kind) } };
}
// A reference to a <Resources> entry of one kind (short, long, url, image).
function resourceReference(kind) {
  return { attributes: { resid: attribute("referenceId", true, { references: kind }) } };
}
// A <Resources> entry: id, DefaultValue and overrides.
function resourceEntry(kind) {
  return {
    attributes: { id: attribute("referenceId", true, { defines: kind }), DefaultValue: attribute(kind === "image" ? "url" : kind) },
    children: [child("Override", B, 0, N, `${kind === "image" ? "url" : kind}Override@${B}`)],
    localized: kind === "short" || kind === "long",
  };
}

const TYPES = {
  Lax: { lax: true },

  // OfficeApp (abstract) extended by TaskPaneApp.
  TaskPaneApp: {
    children: [
      child("Id", O, 1, 1, "UuidText"),
      child("AlternateId", O, 0, 1, "NonEmptyText"),
      child("Version", O, 1, 1, "VersionText"),
      child("ProviderName", O, 1, 1, "ShortText"),
      child("DefaultLocale", O, 1, 1, "CultureText"),
      child("DisplayName", O, 1, 1, "ShortSetting"),
      child("Description", O, 1, 1, "LongSetting"),
      child("IconUrl", O, 0, 1, "UrlSetting"),
      child("HighResolutionIconUrl", O, 0, 1, "UrlSetting"),
      child("SupportUrl", O, 0, 1, "UrlSetting"),
      child("AppDomains", O, 0, 1, "AppDomains"),
      child("Hosts", O, 0, 1, "AppHosts"),
      child("Requirements", O, 0, 1, "AppRequirements"),
      child("DefaultSettings", O, 1, 1, "TaskPaneSettings"),
      child("Permissions", O, 1, 1, "PermissionsText"),
      child("Dictionary", O, 0, 1, "Lax"),
      child("VersionOverrides", V, 0, 1, "VersionOverrides"),
      child("Signature", NS.dsig, 0, 1, "Lax"),
    ],
  },

  UuidText: { text: "uuid" },
  NonEmptyText: { text: "nonEmpty" },
  VersionText: { text: "version" },
  ShortText: { text: "short" },
  LongText: { text: "long" },
  CultureText: { text: "culture" },
  PermissionsText: { text: "permissions" },
  AppDomainText: { text: "appDomain" },

  ShortSetting: localeSetting("short", O),
  LongSetting: localeSetting("long", O),
  UrlSetting: localeSetting("url", O),
  [`shortOverride@${O}`]: localeOverride("short"),
  [`longOverride@${O}`]: localeOverride("long"),
  [`urlOverride@${O}`]: localeOverride("url"),
  [`shortOverride@${B}`]: localeOverride("short"),
  [`longOverride@${B}`]: localeOverride("long"),
  [`urlOverride@${B}`]: localeOverride("url"),

  AppDomains: { children: [child("AppDomain", O, 1, N, "AppDomainText")] },
  AppHosts: { children: [child("Host", O, 1, N, "AppHost")] },
  AppHost: { attributes: { Name: attribute("short") } },
  AppRequirements: {
    children: [child("Sets", O, 0, 1, "AppSets"), child("Methods", O, 0, 1, "AppMethods")],
  },
  AppSets: {
    attributes: { DefaultMinVersion: attribute("shortVersion", false) },
    children: [child("Set", O, 1, N, "RequirementSet")],
  },
  AppMethods: { children: [child("Method", O, 1, N, "AppMethod")] },
  AppMethod: { attributes: { Name: attribute("long") } },
  RequirementSet: { attributes: { Name: attribute("short"), MinVersion: attribute("shortVersion", false) } },
  TaskPaneSettings: { children: [child("SourceLocation", O, 1, 1, "UrlSetting")] },

  // VersionOverrides 1.0 for task-pane add-ins.
  VersionOverrides: {
    xsiTypes: { VersionOverridesV1_0: "VersionOverridesV1_0" },
  },
  VersionOverridesV1_0: {
    children: [
      child("Description", V, 0, 1, "LongReference"),
      child("Requirements", V, 0, 1, "OverrideRequirements"),
      child("Hosts", V, 0, 1, "OverrideHosts"),
      child("Resources", V, 0, 1, "Resources"),
      child("WebApplicationInfo", V, 0, 1, "Lax"),
      child("EquivalentAddins", V, 0, 1, "Lax"),
      child("VersionOverrides", NS.overrides11, 0, 1, "Lax"),
    ],
  },
  OverrideRequirements: { children: [child("Sets", B, 1, 1, "OverrideSets")] },
  OverrideSets: {
    attributes: { DefaultMinVersion: attribute("shortVersion", false) },
    children: [child("Set", B, 1, N, "RequirementSet")],
  },
  OverrideHosts: { children: [child("Host", V, 1, N, "OverrideHost")] },
  // The schema also allows Document, Presentation and Notebook; ZiPing is an Excel add-in.
  OverrideHost: { xsiTypes: { Workbook: "WorkbookHost" } },
  WorkbookHost: {
    children: [child("AllFormFactors", V, 0, 1, "Lax"), child("DesktopFormFactor", V, 0, 1, "FormFactor")],
  },
  FormFactor: {
    children: [
      child("GetStarted", V, 0, 1, "GetStarted"),
      child("FunctionFile", V, 0, 1, "UrlReference"),
      child("ExtensionPoint", V, 1, N, "ExtensionPoint"),
    ],
  },
  GetStarted: {
    children: [
      child("Title", V, 1, 1, "ShortReference"),
      child("Description", V, 1, 1, "LongReference"),
      child("LearnMoreUrl", V, 1, 1, "UrlReference"),
    ],
  },
  ExtensionPoint: {
    xsiTypes: { PrimaryCommandSurface: "CommandSurface", ContextMenu: "ContextMenu", CustomFunctions: "Lax" },
  },
  CommandSurface: {
    children: [child("OfficeTab", V, 0, N, "OfficeTab"), child("CustomTab", V, 0, N, "CustomTab")],
  },
  ContextMenu: { children: [child("OfficeMenu", V, 1, N, "OfficeMenu")] },
  OfficeMenu: { attributes: { id: attribute("short", true, { uniqueId: true }) }, children: [child("Control", V, 1, N, "Control")] },
  OfficeTab: { attributes: { id: attribute("short") }, children: [child("Group", V, 1, N, "Group")] },
  CustomTab: {
    attributes: { id: attribute("short", true, { uniqueId: true }) },
    children: [child("Group", V, 1, N, "Group"), child("Label", V, 1, 1, "ShortReference")],
  },
  Group: {
    attributes: { id: attribute("short", true, { uniqueId: true }) },
    children: [
      child("Label", V, 1, 1, "ShortReference"),
      child("Icon", V, 1, 1, "IconList"),
      child("Control", V, 1, N, "Control"),
    ],
  },
  Control: { xsiTypes: { Button: "Button", Menu: "Menu" } },
  Button: {
    attributes: { id: attribute("short", true, { uniqueId: true }) },
    children: [
      child("Label", V, 1, 1, "ShortReference"),
      child("Supertip", V, 1, 1, "Supertip"),
      child("Icon", V, 1, 1, "IconList"),
      child("Action", V, 1, 1, "Action"),
    ],
  },
  Menu: {
    attributes: { id: attribute("short", true, { uniqueId: true }) },
    children: [
      child("Label", V, 1, 1, "ShortReference"),
      child("Supertip", V, 1, 1, "Supertip"),
      child("Icon", V, 1, 1, "IconList"),
      child("Items", V, 1, 1, "MenuItems"),
    ],
  },
  MenuItems: { children: [child("Item", V, 1, N, "MenuItem")] },
  MenuItem: {
    attributes: { id: attribute("short", true, { uniqueId: true }) },
    children: [
      child("Label", V, 1, 1, "ShortReference"),
      child("Supertip", V, 1, 1, "Supertip"),
      child("Icon", V, 0, 1, "IconList"),
      child("Action", V, 1, 1, "Action"),
    ],
  },
  Supertip: {
    children: [child("Title", V, 1, 1, "ShortReference"), child("Description", V, 1, 1, "LongReference")],
  },
  Action: { xsiTypes: { ShowTaskpane: "ShowTaskpane", ExecuteFunction: "ExecuteFunction" } },
  ShowTaskpane: {
    children: [
      child("TaskpaneId", V, 0, 1, "ShortText"),
      child("SourceLocation", V, 1, 1, "UrlReference"),
      child("Title", V, 0, 1, "ShortReference"),
    ],
  },
  ExecuteFunction: { children: [child("FunctionName", V, 1, 1, "LongText")] },
  IconList: { children: [child("Image", B, 1, N, "ImageReference")], iconList: true },
  ImageReference: {
    attributes: { size: attribute("iconSize"), resid: attribute("referenceId", true, { references: "image" }) },
  },
  ShortReference: resourceReference("short"),
  LongReference: resourceReference("long"),
  UrlReference: resourceReference("url"),

  Resources: {
    children: [
      child("Images", B, 0, 1, "ImageResources"),
      child("Urls", B, 0, 1, "UrlResources"),
      child("ShortStrings", B, 0, 1, "ShortStringResources"),
      child("LongStrings", B, 0, 1, "LongStringResources"),
    ],
  },
  ImageResources: { children: [child("Image", B, 0, N, "ImageResource")] },
  UrlResources: { children: [child("Url", B, 0, N, "UrlResource")] },
  ShortStringResources: { children: [child("String", B, 0, N, "ShortResource")] },
  LongStringResources: { children: [child("String", B, 0, N, "LongResource")] },
  ImageResource: resourceEntry("image"),
  UrlResource: resourceEntry("url"),
  ShortResource: resourceEntry("short"),
  LongResource: resourceEntry("long"),
};

// Where each kind of resource lives, for messages.
const RESOURCE_COLLECTIONS = { image: "Images", url: "Urls", short: "ShortStrings", long: "LongStrings" };

/** The root: <OfficeApp xsi:type="TaskPaneApp"> in the 1.1 namespace. */
const ROOT = { name: "OfficeApp", ns: NS.office, xsiTypes: { TaskPaneApp: "TaskPaneApp" } };

module.exports = { NS, TYPES, ROOT, RESOURCE_COLLECTIONS };
