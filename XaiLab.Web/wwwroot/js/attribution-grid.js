// Attribution comparison grid: one zoom and pan for every pane, the value under the cursor in the large view, and the
// swipe position. Everything runs in the browser so a 270-pane grid stays fluid: one write of three CSS variables on the
// grid's root moves every pane at once (see .xl-sync in app.css).
window.xaiLabGrid = (() => {
    const states = new WeakMap();
    const maxZoom = 16;

    function apply(root, state) {
        root.style.setProperty('--xl-zoom', state.zoom);
        root.style.setProperty('--xl-tx', `${state.tx * 100}%`);
        root.style.setProperty('--xl-ty', `${state.ty * 100}%`);
        root.dataset.zoom = state.zoom.toFixed(3);
        root.dataset.pan = `${state.tx.toFixed(4)},${state.ty.toFixed(4)}`;
    }

    // Keep the zoomed image covering its frame: translation in image fractions between 1 - zoom and 0.
    function clamp(state) {
        state.zoom = Math.min(maxZoom, Math.max(1, state.zoom));
        state.tx = Math.min(0, Math.max(1 - state.zoom, state.tx));
        state.ty = Math.min(0, Math.max(1 - state.zoom, state.ty));
    }

    // Zoom by factor about a point given in frame fractions (0..1), so the point under the cursor stays put.
    function zoomAbout(root, state, factor, fx, fy) {
        const zoom = Math.min(maxZoom, Math.max(1, state.zoom * factor));
        const applied = zoom / state.zoom;
        state.tx = fx - (fx - state.tx) * applied;
        state.ty = fy - (fy - state.ty) * applied;
        state.zoom = zoom;
        clamp(state);
        apply(root, state);
    }

    function frameOf(target) {
        return target instanceof Element ? target.closest('.xl-frame') : null;
    }

    function attach(root) {
        if (!root || states.has(root)) return;
        const state = { zoom: 1, tx: 0, ty: 0, drag: null, raw: {}, swipe: 50 };
        states.set(root, state);
        apply(root, state);

        // Ctrl/Alt + wheel (or a pinch, which browsers report as ctrl + wheel) zooms all panes; a plain wheel scrolls the page.
        root.addEventListener('wheel', e => {
            const frame = frameOf(e.target);
            if (!frame || !(e.ctrlKey || e.altKey)) return;
            e.preventDefault();
            const box = frame.getBoundingClientRect();
            zoomAbout(root, state, Math.exp(-e.deltaY * 0.002), (e.clientX - box.left) / box.width, (e.clientY - box.top) / box.height);
        }, { passive: false });

        root.addEventListener('pointerdown', e => {
            const frame = frameOf(e.target);
            if (!frame || state.zoom <= 1 || e.button !== 0) return;
            const box = frame.getBoundingClientRect();
            state.drag = { x: e.clientX, y: e.clientY, tx: state.tx, ty: state.ty, w: box.width, h: box.height, moved: false };
            e.preventDefault();
        });
        window.addEventListener('pointermove', e => {
            const drag = state.drag;
            if (!drag) return;
            drag.moved = drag.moved || Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 3;
            state.tx = drag.tx + (e.clientX - drag.x) / drag.w;
            state.ty = drag.ty + (e.clientY - drag.y) / drag.h;
            clamp(state);
            apply(root, state);
        });
        window.addEventListener('pointerup', () => {
            if (state.drag?.moved) {
                // A drag is not a click: keep the pane under the pointer from opening in the large view.
                root.addEventListener('click', ev => ev.stopPropagation(), { capture: true, once: true });
            }
            state.drag = null;
        });

        root.addEventListener('pointermove', e => showValue(root, state, e));
        root.addEventListener('pointerleave', () => {
            const out = root.querySelector('[data-testid=cursor-value]');
            if (out) out.textContent = 'Move the cursor over the large view.';
        });
        root.addEventListener('input', e => {
            if (e.target instanceof HTMLInputElement && e.target.dataset.role === 'swipe') {
                state.swipe = Number(e.target.value);
                root.style.setProperty('--xl-swipe', `${state.swipe}%`);
            }
        });
        root.style.setProperty('--xl-swipe', `${state.swipe}%`);
    }

    async function loadRaw(url) {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        const [channels, height, width] = response.headers.get('X-Shape').split(',').map(Number);
        const values = new Float32Array(await response.arrayBuffer());
        // One value per pixel: the sum over channels, as the overlays are drawn.
        const plane = height * width;
        const sum = new Float32Array(plane);
        for (let c = 0; c < channels; c++) {
            for (let i = 0; i < plane; i++) sum[i] += values[c * plane + i];
        }
        return { width, height, values: sum };
    }

    // The raw maps behind the large view's images (first and, when comparing, second).
    async function setLarge(root, rawA, rawB) {
        if (!root) return;
        attach(root);
        const state = states.get(root);
        const wanted = { a: rawA || null, b: rawB || null };
        state.raw = { a: null, b: null, urls: wanted };
        const loaded = await Promise.all([wanted.a, wanted.b].map(u => (u ? loadRaw(u).catch(() => null) : null)));
        if (state.raw.urls !== wanted) return; // a newer selection replaced this one meanwhile
        state.raw = { a: loaded[0], b: loaded[1], urls: wanted };
        root.dataset.rawLoaded = `${loaded.filter(Boolean).length}`;
    }

    function valueAt(map, u, v) {
        if (!map || u < 0 || v < 0 || u >= 1 || v >= 1) return null;
        const x = Math.floor(u * map.width);
        const y = Math.floor(v * map.height);
        return { x, y, value: map.values[y * map.width + x] };
    }

    function format(value) {
        const magnitude = Math.abs(value);
        return magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e4) ? value.toExponential(3) : value.toFixed(4);
    }

    function showValue(root, state, e) {
        const frame = e.target instanceof Element ? e.target.closest('.xl-large-frame') : null;
        const out = root.querySelector('[data-testid=cursor-value]');
        if (!frame || !out || !state.raw.a) return;
        const box = frame.getBoundingClientRect();
        // Frame fraction -> image fraction under the shared zoom and pan.
        const u = ((e.clientX - box.left) / box.width - state.tx) / state.zoom;
        const v = ((e.clientY - box.top) / box.height - state.ty) / state.zoom;
        const a = valueAt(state.raw.a, u, v);
        if (!a) return;
        let text = `x ${a.x}, y ${a.y}: ${format(a.value)}`;
        const b = valueAt(state.raw.b, u, v);
        if (b) text += ` · compared: ${format(b.value)}`;
        out.textContent = text;
    }

    function reset(root) {
        const state = root && states.get(root);
        if (!state) return;
        Object.assign(state, { zoom: 1, tx: 0, ty: 0 });
        apply(root, state);
    }

    function zoomBy(root, factor) {
        const state = root && states.get(root);
        if (!state) return;
        zoomAbout(root, state, factor, 0.5, 0.5);
    }

    return { attach, setLarge, reset, zoomBy };
})();
