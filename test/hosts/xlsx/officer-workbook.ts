/**
 * An officer's workbook as it comes back from a department: a ZiPing template to which the
 * officer (in Excel) added what ZiPing itself never makes — a chart and a picture, a comment,
 * a sparkline, a list validation sourced from another sheet (kept by Excel in the x14
 * extension), custom document properties and a pivot table. Each is a minimal valid part,
 * added with jszip to the 收入 sheet (the one an income import writes into) or beside it.
 */
import { crc32, deflateSync } from "node:zlib";
import JSZip from "jszip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";
const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";

/** A 2×2 red PNG, built here (signature, IHDR, IDAT, IEND with their CRCs). */
export function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.from([0, 255, 0, 0, 255, 0, 0]); // filter byte + two red pixels
  return Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.concat([row, row]))), chunk("IEND", Buffer.alloc(0))]);
}

function relationships(rels: Array<[id: string, type: string, target: string]>): string {
  const items = rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${items}</Relationships>`;
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;

const CUSTOM_PROPERTIES = xml(
  `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="审核人"><vt:lpwstr>张会计</vt:lpwstr></property>` +
    `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="报送批次"><vt:i4>2</vt:i4></property></Properties>`,
);

const COMMENTS = xml(
  `<comments xmlns="${MAIN}"><authors><author>张会计</author></authors><commentList>` +
    `<comment ref="A6" authorId="0"><text><r><t xml:space="preserve">局机关含上年结转，见附件</t></r></text></comment></commentList></comments>`,
);

const COMMENT_SHAPES =
  `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
  `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>` +
  `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
  `<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:120pt;margin-top:60pt;width:108pt;height:60pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
  `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
  `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>1, 15, 5, 2, 3, 15, 9, 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>5</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>`;

const anchorCell = (tag: string, col: number, row: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

const DRAWING = xml(
  `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<xdr:twoCellAnchor>${anchorCell("from", 8, 1)}${anchorCell("to", 14, 14)}<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>` +
    `<xdr:oneCellAnchor>${anchorCell("from", 8, 16)}<xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="图片 2" descr="单位公章"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
    `<xdr:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`,
);

const axis = (tag: string, id: number, cross: number, position: string) =>
  `<c:${tag}><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${position}"/><c:crossAx val="${cross}"/></c:${tag}>`;

const CHART = xml(
  `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:cat><c:strRef><c:f>收入!$A$6:$A$7</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>收入!$C$6:$C$7</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>` +
    `${axis("catAx", 1, 2, "b")}${axis("valAx", 2, 1, "l")}</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
);

/** A plain validation, then the extension Excel keeps list-from-another-sheet validations and sparklines in. */
const VALIDATIONS = `<dataValidations count="1"><dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" sqref="C6:G7"><formula1>0</formula1></dataValidation></dataValidations>`;
const SHEET_EXTENSIONS =
  `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}">` +
  `<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>列表!$A$2:$A$4</xm:f></x14:formula1><xm:sqref>A9</xm:sqref></x14:dataValidation></x14:dataValidations></ext>` +
  `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${X14}"><x14:sparklineGroups xmlns:xm="${XM}"><x14:sparklineGroup displayEmptyCellsAs="gap">` +
  `<x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/>` +
  `<x14:sparklines><x14:sparkline><xm:f>收入!C6:G6</xm:f><xm:sqref>H6</xm:sqref></x14:sparkline><x14:sparkline><xm:f>收入!C7:G7</xm:f><xm:sqref>H7</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`;

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const LIST_SHEET = xml(
  `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:B4"/><sheetData>` +
    `<row r="1">${inline("A1", "项目")}${inline("B1", "金额")}</row>` +
    [["甲", 1], ["乙", 2], ["丙", 3]].map(([name, value], i) => `<row r="${i + 2}">${inline(`A${i + 2}`, String(name))}<c r="B${i + 2}"><v>${value}</v></c></row>`).join("") +
    `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
);
const PIVOT_SHEET = xml(
  `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A3:B7"/><sheetData>` +
    `<row r="3">${inline("A3", "行标签")}${inline("B3", "求和项:金额")}</row>` +
    [["甲", 1], ["乙", 2], ["丙", 3], ["总计", 6]].map(([name, value], i) => `<row r="${i + 4}">${inline(`A${i + 4}`, String(name))}<c r="B${i + 4}"><v>${value}</v></c></row>`).join("") +
    `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
);
const PIVOT_CACHE = xml(
  `<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" recordCount="3" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3">` +
    `<cacheSource type="worksheet"><worksheetSource ref="A1:B4" sheet="列表"/></cacheSource><cacheFields count="2">` +
    `<cacheField name="项目" numFmtId="0"><sharedItems count="3"><s v="甲"/><s v="乙"/><s v="丙"/></sharedItems></cacheField>` +
    `<cacheField name="金额" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="3"/></cacheField></cacheFields></pivotCacheDefinition>`,
);
const PIVOT_RECORDS = xml(`<pivotCacheRecords xmlns="${MAIN}" count="3"><r><x v="0"/><n v="1"/></r><r><x v="1"/><n v="2"/></r><r><x v="2"/><n v="3"/></r></pivotCacheRecords>`);
const PIVOT_TABLE = xml(
  `<pivotTableDefinition xmlns="${MAIN}" name="数据透视表1" cacheId="7" dataCaption="值" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" useAutoFormatting="1" itemPrintTitles="1" indent="0" outline="1" outlineData="1">` +
    `<location ref="A3:B7" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2">` +
    `<pivotField axis="axisRow" showAll="0"><items count="4"><item x="0"/><item x="1"/><item x="2"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>` +
    `<rowFields count="1"><field x="0"/></rowFields><rowItems count="4"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>` +
    `<dataFields count="1"><dataField name="求和项:金额" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
);

/** Parts the officer added, by path: what must come back byte for byte. */
export const OFFICER_PARTS = [
  "docProps/custom.xml",
  "xl/comments1.xml",
  "xl/drawings/vmlDrawing1.vml",
  "xl/drawings/drawing1.xml",
  "xl/drawings/_rels/drawing1.xml.rels",
  "xl/charts/chart1.xml",
  "xl/media/image1.png",
  "xl/worksheets/_rels/sheet2.xml.rels",
  "xl/worksheets/sheet11.xml",
  "xl/worksheets/sheet12.xml",
  "xl/worksheets/_rels/sheet12.xml.rels",
  "xl/pivotCache/pivotCacheDefinition1.xml",
  "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
  "xl/pivotCache/pivotCacheRecords1.xml",
  "xl/pivotTables/pivotTable1.xml",
  "xl/pivotTables/_rels/pivotTable1.xml.rels",
];

async function edit(zip: JSZip, path: string, change: (text: string) => string): Promise<void> {
  const text = await zip.file(path)!.async("string");
  const changed = change(text);
  if (changed === text) throw new Error(`officer workbook generator: ${path} did not change`);
  zip.file(path, changed);
}

/**
 * Adds the officer's parts to a ZiPing template (made by `ziping template`, whose 收入 sheet is
 * xl/worksheets/sheet2.xml and whose last sheet is sheet10). `graphics: false` leaves out the
 * comment, chart, picture and pivot table (the parts the old whole-workbook write refused), keeping
 * the validations, sparklines, custom properties and the list sheet (the parts it lost).
 */
export async function officerWorkbook(template: Buffer, { graphics = true } = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(template);
  const graphicParts = /comments|drawing|chart|pivot|sheet12/;
  const types: Array<[string, string]> = [
    ["/docProps/custom.xml", `${CT}.custom-properties+xml`],
    ["/xl/comments1.xml", `${CT}.spreadsheetml.comments+xml`],
    ["/xl/drawings/drawing1.xml", `${CT}.drawing+xml`],
    ["/xl/charts/chart1.xml", `${CT}.drawingml.chart+xml`],
    ["/xl/worksheets/sheet11.xml", `${CT}.spreadsheetml.worksheet+xml`],
    ["/xl/worksheets/sheet12.xml", `${CT}.spreadsheetml.worksheet+xml`],
    ["/xl/pivotCache/pivotCacheDefinition1.xml", `${CT}.spreadsheetml.pivotCacheDefinition+xml`],
    ["/xl/pivotCache/pivotCacheRecords1.xml", `${CT}.spreadsheetml.pivotCacheRecords+xml`],
    ["/xl/pivotTables/pivotTable1.xml", `${CT}.spreadsheetml.pivotTable+xml`],
  ];
  await edit(zip, "[Content_Types].xml", (t) => {
    const defaults = (/Extension="vml"/.test(t) ? "" : `<Default Extension="vml" ContentType="${CT}.vmlDrawing"/>`) + `<Default Extension="png" ContentType="image/png"/>`;
    return t.replace("</Types>", `${graphics ? defaults : ""}${types.filter(([part]) => graphics || !graphicParts.test(part)).map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join("")}</Types>`);
  });
  await edit(zip, "_rels/.rels", (t) => t.replace("</Relationships>", `<Relationship Id="rIdCustom" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`));
  zip.file("docProps/custom.xml", CUSTOM_PROPERTIES);

  // The 收入 sheet: validations (plain and x14) and sparklines; a comment, a chart and a picture.
  await edit(zip, "xl/worksheets/sheet2.xml", (t) => t.replace("<pageMargins", `${VALIDATIONS}<pageMargins`).replace("</worksheet>", `${SHEET_EXTENSIONS}</worksheet>`));
  zip.file("xl/worksheets/sheet11.xml", LIST_SHEET);
  if (!graphics) {
    await edit(zip, "xl/_rels/workbook.xml.rels", (t) => t.replace("</Relationships>", `<Relationship Id="rIdList" Type="${REL}/worksheet" Target="worksheets/sheet11.xml"/></Relationships>`));
    await edit(zip, "xl/workbook.xml", (t) => t.replace("</sheets>", `<sheet sheetId="11" name="列表" r:id="rIdList"/></sheets>`));
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  }
  zip.file("xl/comments1.xml", COMMENTS);
  zip.file("xl/drawings/vmlDrawing1.vml", COMMENT_SHAPES);
  zip.file("xl/drawings/drawing1.xml", DRAWING);
  zip.file("xl/drawings/_rels/drawing1.xml.rels", relationships([["rId1", `${REL}/chart`, "../charts/chart1.xml"], ["rId2", `${REL}/image`, "../media/image1.png"]]));
  zip.file("xl/charts/chart1.xml", CHART);
  zip.file("xl/media/image1.png", tinyPng());
  zip.file(
    "xl/worksheets/_rels/sheet2.xml.rels",
    relationships([["rIdDrawing", `${REL}/drawing`, "../drawings/drawing1.xml"], ["rIdNotes", `${REL}/vmlDrawing`, "../drawings/vmlDrawing1.vml"], ["rIdComments", `${REL}/comments`, "../comments1.xml"]]),
  );
  await edit(zip, "xl/worksheets/sheet2.xml", (t) => t.replace("<extLst>", `<drawing r:id="rIdDrawing"/><legacyDrawing r:id="rIdNotes"/><extLst>`));

  // The pivot table, on a sheet of its own, drawn from the list sheet the validation uses.
  zip.file("xl/worksheets/sheet12.xml", PIVOT_SHEET);
  zip.file("xl/worksheets/_rels/sheet12.xml.rels", relationships([["rId1", `${REL}/pivotTable`, "../pivotTables/pivotTable1.xml"]]));
  zip.file("xl/pivotTables/pivotTable1.xml", PIVOT_TABLE);
  zip.file("xl/pivotTables/_rels/pivotTable1.xml.rels", relationships([["rId1", `${REL}/pivotCacheDefinition`, "../pivotCache/pivotCacheDefinition1.xml"]]));
  zip.file("xl/pivotCache/pivotCacheDefinition1.xml", PIVOT_CACHE);
  zip.file("xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels", relationships([["rId1", `${REL}/pivotCacheRecords`, "pivotCacheRecords1.xml"]]));
  zip.file("xl/pivotCache/pivotCacheRecords1.xml", PIVOT_RECORDS);
  await edit(zip, "xl/_rels/workbook.xml.rels", (t) =>
    t.replace(
      "</Relationships>",
      `<Relationship Id="rIdList" Type="${REL}/worksheet" Target="worksheets/sheet11.xml"/><Relationship Id="rIdPivotSheet" Type="${REL}/worksheet" Target="worksheets/sheet12.xml"/>` +
        `<Relationship Id="rIdPivotCache" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
    ),
  );
  await edit(zip, "xl/workbook.xml", (t) =>
    t
      .replace("</sheets>", `<sheet sheetId="11" name="列表" r:id="rIdList"/><sheet sheetId="12" name="透视" r:id="rIdPivotSheet"/></sheets>`)
      .replace(/(<calcPr\b[^>]*\/>)/, `$1<pivotCaches><pivotCache cacheId="7" r:id="rIdPivotCache"/></pivotCaches>`),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
