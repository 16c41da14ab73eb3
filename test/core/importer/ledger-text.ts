/**
 * A synthetic 功能科目 ledger as accounting software exports it: 类 (3-digit code), 款 (5), 项 (7)
 * lines, each 类 with 10 款 and each 款 with 10 项, amounts in 元 with 分; 类 and 款 lines are the
 * exact sums of the lines under them, and a 合计 line closes it. For the importer's tests and the
 * benchmark (bench engineer: `makeLedgerText(100_000)`).
 */
export interface Ledger {
  text: string;
  /** Number of 项 (leaf) lines, which become list entries. */
  leaves: number;
  /** Σ of all 项 amounts in 分 (integer), for checking the import. */
  totalFen: bigint;
  lines: number;
}

function fen(n: bigint): string {
  const sign = n < 0n ? "-" : "";
  const abs = n < 0n ? -n : n;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+$)/g, ",");
  return `${sign}${yuan}.${(abs % 100n).toString().padStart(2, "0")}`;
}

export function makeLedgerText(targetLines: number): Ledger {
  const out: string[] = ["2025年度一般公共预算基本支出决算明细（按功能分类科目）", "单位：元", "科目编码\t科目名称\t金额"];
  let leaves = 0;
  let totalFen = 0n;
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return BigInt(seed % 10000000);
  };
  for (let lei = 100; lei <= 999 && out.length < targetLines; lei++) {
    const leiAt = out.length;
    out.push("");
    let leiSum = 0n;
    for (let kuan = 1; kuan <= 10 && out.length < targetLines; kuan++) {
      const kuanCode = `${lei}${String(kuan).padStart(2, "0")}`;
      const kuanAt = out.length;
      out.push("");
      let kuanSum = 0n;
      for (let xiang = 1; xiang <= 10 && out.length < targetLines; xiang++) {
        const amount = next();
        kuanSum += amount;
        leaves++;
        out.push(`${kuanCode}${String(xiang).padStart(2, "0")}\t　　　　项目${lei}-${kuan}-${xiang}\t${fen(amount)}`);
      }
      out[kuanAt] = `${kuanCode}\t　　款${lei}-${kuan}\t${fen(kuanSum)}`;
      leiSum += kuanSum;
    }
    out[leiAt] = `${lei}\t类${lei}\t${fen(leiSum)}`;
    totalFen += leiSum;
  }
  out.push(`\t合计\t${fen(totalFen)}`);
  return { text: out.join("\n") + "\n", leaves, totalFen, lines: out.length };
}
