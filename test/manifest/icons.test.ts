// The committed icons are exactly what scripts/make-icons.js draws, at the sizes their names say.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PNG } from "pngjs";

const repo = path.resolve(__dirname, "../..");
const outDir = mkdtempSync(path.join(tmpdir(), "ziping-icons-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

it("make-icons.js reproduces every committed icon byte for byte", () => {
  const run = spawnSync(process.execPath, [path.join(repo, "scripts/make-icons.js"), outDir], { encoding: "utf8" });
  expect(run.status).toBe(0);
  const drawn = readdirSync(outDir).sort();
  expect(drawn).toEqual(["icon-128.png", "icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
  for (const name of drawn) {
    expect(readFileSync(path.join(repo, "assets", name)).equals(readFileSync(path.join(outDir, name))), name).toBe(true);
  }
});

it.each([16, 32, 64, 80, 128])("icon-%i.png is a %i px square with transparent corners and an opaque centre", (size) => {
  const png = PNG.sync.read(readFileSync(path.join(repo, "assets", `icon-${size}.png`)));
  expect([png.width, png.height]).toEqual([size, size]);
  const alphaAt = (x: number, y: number) => png.data[(y * size + x) * 4 + 3];
  expect(alphaAt(0, 0)).toBe(0);
  expect(alphaAt(size >> 1, size >> 1)).toBe(255);
});
