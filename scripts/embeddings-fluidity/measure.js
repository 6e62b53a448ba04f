// Usage: node emb-fluidity.js BASE RUNID EMAIL PASSWORD OUT.png
const { chromium } = require('playwright-core');
(async () => {
  const [base, runId, email, password, out] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(`${base}/account/signin?returnUrl=/`);
  await page.fill('[data-testid=signin-email]', email);
  await page.fill('[data-testid=signin-password]', password);
  await page.click('[data-testid=signin-submit]');
  await page.waitForURL(u => !u.toString().includes('/account/signin'));
  const t0 = Date.now();
  await page.goto(`${base}/runs/${runId}/embeddings`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=embedding-scatter] .main-svg').length >= 3, null, { timeout: 180000 });
  const plotted = Date.now() - t0;
  const points = await page.evaluate(() => [...document.querySelectorAll('[data-testid=embedding-scatter]')].map(e => e.dataset.points));
  // Frames per second while idle, while dragging a zoom box, and while panning with the scroll wheel.
  const fps = () => page.evaluate(() => new Promise(r => { let n = 0; const s = performance.now(); function f() { n++; if (performance.now() - s < 1000) requestAnimationFrame(f); else r(n); } requestAnimationFrame(f); }));
  await page.waitForTimeout(5000);
  const idle = await fps();
  const drag = await page.locator('[data-testid=panel-trained] .nsewdrag').first().boundingBox();
  const frames = fps();
  await page.mouse.move(drag.x + 20, drag.y + 20);
  await page.mouse.down();
  for (let i = 0; i < 30; i++) await page.mouse.move(drag.x + 20 + i * (drag.width - 40) / 30, drag.y + 20 + i * (drag.height - 40) / 30);
  await page.mouse.up();
  const dragFps = await frames;
  const t1 = Date.now();
  await page.waitForTimeout(50);
  // Hover: time until Plotly's hover label appears for a point under the cursor.
  await page.mouse.dblclick(drag.x + drag.width / 2, drag.y + drag.height / 2); // reset zoom
  await page.waitForTimeout(500);
  let hoverMs = null;
  for (let i = 0; i < 20 && hoverMs === null; i++) {
    const x = drag.x + drag.width * (0.3 + 0.02 * i), y = drag.y + drag.height * 0.5;
    const t = Date.now();
    await page.mouse.move(x, y);
    try { await page.waitForSelector('[data-testid=panel-trained] .hoverlayer .hovertext', { timeout: 1500 }); hoverMs = Date.now() - t; } catch { }
  }
  await page.screenshot({ path: out });
  console.log(JSON.stringify({ plottedMs: plotted, points, idleFps: idle, dragZoomFps: dragFps, hoverMs }));
  await browser.close();
})();
