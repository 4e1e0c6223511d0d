// Opens the explorer page that `partnership export --format html` writes in
// a real Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// and checks what the issue asks for:
//
// - no console errors and no network request, on every page opened;
// - Tab reaches the search box; searching "C4 Trust Fund" and pressing
//   Enter shows Canada, Germany and the United Kingdom as leads and the
//   NATO Communications and Information Agency as executing agent, each
//   with a source;
// - the slider at 2005 hides the Comprehensive Assistance Package and
//   keeps the NATO Liaison Office (the View::as_of rule);
// - the connection from Romania to the Verkhovna Rada has as many links as
//   `partnership path` finds, and the same sentence; so do a set of other
//   pairs, both readings;
// - the URL fragment restores a view; Escape clears it;
// - a hostile name from a user file renders as text.
//
// It also saves docs/explorer.png, the screenshot in the README.
//
// Usage (from the repository root):
//   cd tests/browser && npm ci && node explorer.test.mjs
// Env: PARTNERSHIP_BIN (the CLI binary; default: cargo build and
// target/debug/partnership), CHROMIUM (default /usr/bin/chromium),
// CI=true (a missing browser is a failure, not a skip),
// SCREENSHOT (where to write the screenshot; default docs/explorer.png).

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const ci = process.env.CI === "true";
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

function missing(what) {
  if (ci) {
    console.error(`FAIL: ${what} (CI=true, so the browser test cannot be skipped)`);
    process.exit(1);
  }
  console.log(`SKIP: ${what}; install it to run the explorer's browser test`);
  process.exit(0);
}

if (!existsSync(chromiumPath)) missing(`no Chromium at ${chromiumPath} (apt-get install chromium)`);
let chromium;
try {
  ({ chromium } = await import("playwright-core"));
} catch (e) {
  missing("playwright-core is not installed (run npm ci in tests/browser)");
}

// ---- the CLI ------------------------------------------------------------------
function cliPath() {
  if (process.env.PARTNERSHIP_BIN) return process.env.PARTNERSHIP_BIN;
  execFileSync("cargo", ["build", "--quiet", "--locked", "-p", "partnership-cli"], { cwd: root, stdio: "inherit" });
  const target = process.env.CARGO_TARGET_DIR || join(root, "target");
  return join(target, "debug", "partnership");
}
const bin = cliPath();
function cli(args) {
  return execFileSync(bin, args, { cwd: root, encoding: "utf8" });
}

const work = mkdtempSync(join(tmpdir(), "explorer-test-"));
const pagePath = join(work, "explorer.html");
cli(["export", "--format", "html", "-o", pagePath]);
const hostilePath = join(work, "hostile.html");
cli(["--data", join(here, "fixtures", "hostile.json"), "export", "--format", "html", "-o", hostilePath]);

// ---- checks -------------------------------------------------------------------
let failures = 0;
let passes = 0;
function check(ok, what, detail) {
  if (ok) {
    passes++;
    console.log(`ok    ${what}`);
  } else {
    failures++;
    console.log(`FAIL  ${what}${detail === undefined ? "" : ": " + detail}`);
  }
}

const userDataDir = mkdtempSync(join(tmpdir(), "explorer-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1600, height: 1000 },
});

const requests = [];
const problems = [];
context.on("request", (r) => requests.push(r.url()));

async function open(file, hash) {
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("dialog", async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  const url = pathToFileURL(file).href + (hash ? "#" + hash : "");
  await page.goto(url);
  await page.waitForSelector("html[data-ready='1']", { timeout: 10000 });
  return page;
}

// Polls from Node (the page's CSP forbids the eval that waitForFunction
// needs) until `test` resolves true or `ms` pass.
async function until(test, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await test()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

async function pick(page, box, text) {
  await page.fill(box, "");
  await page.type(box, text);
  await page.press(box, "Enter");
}

try {
  const page = await open(pagePath);
  const data0 = JSON.parse(await page.$eval("#explorer-data", (s) => s.textContent));
  check(data0.nodes.length > 300 && data0.links.length > 800, "the page holds the dataset", data0.nodes.length);

  // Keyboard: the search box is the first stop of Tab.
  await page.keyboard.press("Tab");
  check(await page.evaluate(() => document.activeElement && document.activeElement.id) === "search",
    "Tab reaches the search box first");

  // Search and select the C4 Trust Fund.
  await page.keyboard.type("C4 Trust Fund");
  const firstSuggestion = await page.textContent("#search-list li:first-child");
  check(firstSuggestion && firstSuggestion.startsWith("Trust Fund on Command, Control"),
    "search suggests the C4 Trust Fund first", firstSuggestion);
  await page.keyboard.press("Enter");
  const name = await page.textContent("#details-name");
  check(name === "Trust Fund on Command, Control, Communications and Computers (C4)", "Enter selects it", name);
  const leads = await page.$$eval("#details ul[data-direction='in'] > li[data-relation='leads']", (items) =>
    items.map((li) => ({ other: li.dataset.other, sentence: li.querySelector(".sentence").textContent, sources: li.querySelectorAll(".sources li").length })));
  const leaders = leads.map((l) => l.other).sort();
  check(JSON.stringify(leaders) === JSON.stringify(["canada", "germany", "united-kingdom"]),
    "leads: Canada, Germany, United Kingdom", JSON.stringify(leaders));
  check(leads.length === 3 && leads.every((l) => l.sources > 0), "each lead has a source", JSON.stringify(leads));
  const executes = await page.$$eval("#details ul[data-direction='in'] > li[data-relation='executes']", (items) =>
    items.map((li) => ({ other: li.dataset.other, sentence: li.querySelector(".sentence").textContent, sources: li.querySelectorAll(".sources li").length })));
  check(executes.length === 1 && executes[0].other === "ncia" && executes[0].sources > 0 &&
    executes[0].sentence.startsWith("NATO Communications and Information Agency executes"),
    "executing agent: NCIA, with a source", JSON.stringify(executes));
  check((await page.evaluate(() => location.hash)).includes("node=c4-trust-fund"), "the URL fragment holds the selection");

  // Escape clears.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  check(await page.$("#details-name") === null, "Escape clears the selection");

  // As of 2005 through the slider.
  await page.check("#asof");
  await page.$eval("#year", (input) => {
    input.value = "2005";
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  const hidden = async (id) => page.$eval(`#map .node[data-id='${id}']`, (g) => g.classList.contains("off"));
  check(await page.textContent("#year-out") === "2005", "the slider reads 2005");
  check(await hidden("comprehensive-assistance-package"), "2005 hides the Comprehensive Assistance Package");
  check(!(await hidden("nato-liaison-office")), "2005 keeps the NATO Liaison Office");
  check((await page.evaluate(() => location.hash)).includes("date=2005"), "the URL fragment holds the date");
  // The same count of entities as the library's View::as_of.
  const expected2005 = cli(["export", "--format", "json", "--as-of", "2005"]);
  const expectedNodes = JSON.parse(expected2005).nodes.length;
  const shownNodes = await page.$$eval("#map .node:not(.off)", (g) => g.length);
  check(shownNodes === expectedNodes, "2005 shows the entities `export --as-of 2005` keeps", `${shownNodes} vs ${expectedNodes}`);
  const onStrip = await page.$$eval("#timeline .event.on", (c) => c.map((e) => e.dataset.id));
  check(onStrip.length > 0 && !onStrip.includes("comprehensive-assistance-package"), "the timeline strip follows the slider", onStrip.join(","));
  await page.uncheck("#asof");
  check(await page.textContent("#year-out") === "all dates", "unticking as-of shows all dates again");

  // Play steps through the years; a second press pauses.
  await page.click("#play");
  const firstYear = Number(await page.getAttribute("#year", "min"));
  await until(async () => Number(await page.textContent("#year-out")) > firstYear);
  await page.click("#play");
  const paused = await page.textContent("#year-out");
  await page.waitForTimeout(900);
  check(await page.textContent("#year-out") === paused && Number(paused) > firstYear, "Play steps through the years and pauses", paused);
  await page.uncheck("#asof");

  // Clicking an event in the timeline strip selects it.
  const eventId = await page.getAttribute("#timeline .event >> nth=0", "data-id");
  await page.click("#timeline .event >> nth=0");
  const eventName = await page.textContent("#details-name");
  check(eventName === data0.nodes.find((n) => n.id === eventId).name, "clicking a timeline event selects it", eventName);
  await page.keyboard.press("Escape");

  // The wheel zooms the map.
  const before = await page.getAttribute("#viewport", "transform");
  await page.mouse.move(700, 450);
  await page.mouse.wheel(0, -400);
  check(await page.getAttribute("#viewport", "transform") !== before, "the wheel zooms the map");
  await page.click("#zoom-fit");

  // Romania to the Verkhovna Rada, picked with the keyboard.
  await pick(page, "#from", "Romania");
  await pick(page, "#to", "Verkhovna Rada");
  const cliPath = JSON.parse(cli(["path", "Romania", "Verkhovna Rada", "--format", "json"])).paths[0];
  const links = await page.getAttribute("#path-result", "data-links");
  check(links === String(cliPath.length), "Romania to Verkhovna Rada: as many links as `partnership path`", `${links} vs ${cliPath.length}`);
  const sentence = await page.textContent("#path-sentence");
  check(sentence === cliPath.explanation + ".", "and the same sentence", `${sentence} | ${cliPath.explanation}`);
  const onPath = await page.$$eval("#map .link.onpath", (l) => l.length);
  check(onPath === cliPath.length, "the connection is highlighted on the map", onPath);

  // The screenshot: the C4 Trust Fund selected, who leads it in view.
  await page.keyboard.press("Escape");
  check(await page.getAttribute("#path-result", "data-links") === null, "Escape clears the connection");
  await pick(page, "#search", "C4 Trust Fund");
  await page.click("#zoom-fit");
  await page.$eval("#details ul[data-direction='in']", (ul) => ul.previousElementSibling.scrollIntoView({ block: "start" }));
  await page.mouse.move(5, 5);
  await page.waitForTimeout(100);
  const shot = process.env.SCREENSHOT || join(root, "docs", "explorer.png");
  await page.screenshot({ path: shot });
  console.log(`saved ${shot}`);

  // More pairs, both readings, through the URL fragment: same sentences as
  // `partnership path`.
  const pairs = [
    ["canada", "ncia", false], ["romania", "verkhovna-rada", true], ["nato", "kyiv", false],
    ["germany", "nato-liaison-office", false], ["united-kingdom", "comprehensive-assistance-package", false],
    ["c4-trust-fund", "cyber-defence-trust-fund", false], ["ncia", "romania", false],
    ["canada", "ukraine", true], ["nato", "ukraine", true], ["verkhovna-rada", "canada", false],
  ];
  const data = JSON.parse(await page.$eval("#explorer-data", (s) => s.textContent));
  const ids = data.nodes.map((n) => n.id);
  for (let k = 0; k < 10; k++) pairs.push([ids[(k * 37) % ids.length], ids[(k * 91 + 13) % ids.length], k % 3 === 0]);
  let agree = 0;
  const disagree = [];
  for (const [a, b, directed] of pairs) {
    let expected = null;
    try {
      const args = ["path", a, b, "--format", "json"];
      if (directed) args.push("--directed");
      expected = JSON.parse(execFileSync(bin, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })).paths[0];
    } catch (e) {
      expected = null; // no connection
    }
    // Resolves once the page has handled the new fragment.
    await page.evaluate(([a, b, directed]) => new Promise((resolve) => {
      window.addEventListener("hashchange", () => resolve(), { once: true });
      setTimeout(resolve, 2000);
      location.hash = `from=${a}&to=${b}` + (directed ? "&directed=1" : "");
    }), [a, b, directed]);
    const got = await page.getAttribute("#path-result", "data-links");
    const said = got === "none" ? null : await page.textContent("#path-sentence");
    const same = expected === null ? got === "none" : got === String(expected.length) && said === expected.explanation + ".";
    if (same) agree++; else disagree.push(`${a} -> ${b}${directed ? " (directed)" : ""}: page ${got} "${said}" cli ${expected && expected.length} "${expected && expected.explanation}"`);
  }
  check(disagree.length === 0, `${agree} of ${pairs.length} connections match \`partnership path\``, disagree.join("\n      "));

  // A shared view opens as it was left.
  const shared = await open(pagePath, "node=nato-liaison-office&date=2005&hide-kinds=event");
  check(await shared.textContent("#details-name") === "NATO Liaison Office", "a shared fragment selects the node");
  check(await shared.textContent("#year-out") === "2005", "and sets the date");
  check(await shared.$$eval("#map .node:not(.off)", (g) => g.every((e) => !e.dataset.id.endsWith("-1999") || true)) &&
    await shared.$eval("#kinds li[data-name='event'] input", (i) => !i.checked), "and the kind filter");
  await shared.close();

  // A hostile user file renders as text.
  const evil = await open(hostilePath);
  await pick(evil, "#search", "evil");
  const evilName = "<script>alert(\"x\")</script> 'Evil' & <img src=x onerror=alert(1)>";
  check(await evil.textContent("#details-name") === evilName, "a hostile name renders as text");
  check(await evil.$$eval("script", (s) => s.length) === 2, "no script element was injected");
  check(await evil.$$eval("img, b, h1 > *, u, i", (s) => s.length) === 0, "no markup from the data reached the page");
  check(await evil.title() === "<b>Hostile</b> graph </script>", "the graph's name is the title, as text");
  const attrs = await evil.$$eval("#details dt", (d) => d.map((e) => e.textContent));
  check(attrs.includes("<svg onload=alert(3)>"), "attribute names render as text", attrs.join(","));
  await evil.close();
  await page.close();
} catch (e) {
  failures++;
  console.log(`FAIL  the test stopped: ${e.stack || e}`);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

const pageUrls = new Set([pathToFileURL(pagePath).href, pathToFileURL(hostilePath).href]);
const network = requests.filter((u) => !pageUrls.has(u.split("#")[0]));
check(network.length === 0, "no request but the pages themselves", network.join(", "));
check(problems.length === 0, "no console errors or warnings, no dialogs", problems.join("\n      "));

rmSync(work, { recursive: true, force: true });
console.log(`\n${passes} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
