/**
 * missingEntries: last year's entries this year's workbook lacks, in the lists the prior-year
 * links pair by name (what `ziping template --prior` carries with carriedLists), which the pane's
 * 导入上年工作簿 offers to add. Matched by name as the pairs are; a 科目 the officer renamed keeps
 * its code and is not offered again.
 */
import { carriedLists, missingEntries } from "../../../src/core/prior/carry";
import { defaultForm, type ListEntry, type ReportData } from "../../../src/core/spec";
import type { FormSpec } from "../../../src/core/spec/types";

const named = (...names: string[]): ListEntry[] => names.map((name) => ({ name }));
const last = (lists: ReportData["lists"]): ReportData => ({
  form: defaultForm.id,
  lists,
  values: {},
});

describe("missingEntries", () => {
  it("lists last year's units and budget units this year lacks, in last year's order", () => {
    const lastYear = last({
      units: named("局机关", "科技信息管理办公室", "科技服务中心"),
      budgetUnits: named("科技部门", "科技服务中心"),
      projectItems: named("旧项目"),
    });
    const missing = missingEntries(defaultForm, lastYear, {
      units: named("局机关"),
      budgetUnits: named("科技部门"),
      projectItems: [],
    });
    expect(missing).toEqual([
      { list: "units", entry: { name: "科技信息管理办公室" } },
      { list: "units", entry: { name: "科技服务中心" } },
      { list: "budgetUnits", entry: { name: "科技服务中心" } },
    ]);
    // Only the lists the links pair (those carriedLists takes): a project of last year's is not offered.
    expect(Object.keys(carriedLists(defaultForm, lastYear)).sort()).toEqual(["budgetUnits", "units"]);
  });

  it("matches names as the pairs do: blanks and numbering aside; nothing when this year has them all", () => {
    const lastYear = last({ units: named("1、局机关", "科技 信息管理办公室") });
    expect(
      missingEntries(defaultForm, lastYear, {
        units: named("局机关", "科技信息管理办公室", "新设单位"),
      }),
    ).toEqual([]);
    // A list this year's workbook does not have at all: every entry of last year's.
    expect(missingEntries(defaultForm, lastYear, {})).toEqual([
      { list: "units", entry: { name: "1、局机关" } },
      { list: "units", entry: { name: "科技 信息管理办公室" } },
    ]);
  });

  it("does not offer again a 科目 the officer renamed: its code is already there", () => {
    const form: FormSpec = {
      ...defaultForm,
      priorYear: {
        links: [
          {
            id: "prior.funcBasic",
            label: "上年功能科目",
            prior: "funcBasic.item[*].amount",
            current: "funcBasic.item[*].amount",
          },
        ],
      },
    };
    const lastYear = last({
      funcBasic: [
        { code: "2060101", name: "行政运行" },
        { code: "2060199", name: "其他科学技术管理事务支出" },
      ],
    });
    const missing = missingEntries(form, lastYear, {
      funcBasic: [{ code: "2060101", name: "行政运行（局机关）" }],
    });
    expect(missing).toEqual([
      {
        list: "funcBasic",
        entry: { code: "2060199", name: "其他科学技术管理事务支出" },
      },
    ]);
  });
});
