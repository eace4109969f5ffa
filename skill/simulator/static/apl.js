// A small APL renderer for the simulator page: it draws the skill's own APL documents (the step
// card) from the RenderDocument directive, the way a device would, well enough to see them:
// Container, Frame, Text, VectorGraphic (AVG paths, as SVG); data binding (${...}) with a safe
// expression evaluator (no eval: the page's CSP forbids it); the document's resources (with
// `when`), styles, `bind`, `when`; and APL's elapsedTime, ticking, so a countdown runs.
// It is not Amazon's renderer: what it does not know it leaves out and lists in `unknown`.
(() => {
  "use strict";

  // -- expressions -------------------------------------------------------------------------------
  const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(@?[A-Za-z_][\w]*)|(===|!==|==|!=|<=|>=|&&|\|\||[-+*/%<>!?:.,()[\]]))/y;

  function tokenize(source) {
    const tokens = [];
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < source.length) {
      const at = TOKEN.lastIndex;
      const m = TOKEN.exec(source);
      if (!m) { if (source.slice(at).trim() === "") break; throw new Error(`cannot read: ${source.slice(at)}`); }
      if (m[1] !== undefined) tokens.push({ k: "num", v: parseFloat(m[1]) });
      else if (m[2] !== undefined) tokens.push({ k: "str", v: m[2].slice(1, -1).replace(/\\(.)/g, "$1") });
      else if (m[3] !== undefined) tokens.push({ k: "id", v: m[3] });
      else if (m[4] !== undefined) tokens.push({ k: "op", v: m[4] });
    }
    return tokens;
  }

  const MATH = { abs: Math.abs, ceil: Math.ceil, floor: Math.floor, max: Math.max, min: Math.min, round: Math.round,
    sqrt: Math.sqrt, sin: Math.sin, cos: Math.cos, PI: Math.PI };

  function evaluate(source, ctx) {
    const t = tokenize(source);
    let i = 0;
    const peek = (v) => t[i] && t[i].k === "op" && t[i].v === v;
    const take = (v) => { if (!peek(v)) throw new Error(`expected ${v} in ${source}`); i += 1; };
    function ternary() {
      const test = or();
      if (!peek("?")) return test;
      i += 1; const yes = ternary(); take(":"); const no = ternary();
      return test ? yes : no;
    }
    function binary(next, ops, apply) {
      return () => {
        let left = next();
        while (t[i] && t[i].k === "op" && ops.includes(t[i].v)) { const op = t[i++].v; left = apply(op, left, next()); }
        return left;
      };
    }
    const unary = () => {
      if (peek("!")) { i += 1; return !unary(); }
      if (peek("-")) { i += 1; return -unary(); }
      return postfix();
    };
    const mul = binary(unary, ["*", "/", "%"], (op, a, b) => (op === "*" ? a * b : op === "/" ? a / b : a % b));
    const add = binary(mul, ["+", "-"], (op, a, b) => (op === "+" ? a + b : a - b));
    const rel = binary(add, ["<", ">", "<=", ">="], (op, a, b) => (op === "<" ? a < b : op === ">" ? a > b : op === "<=" ? a <= b : a >= b));
    const eq = binary(rel, ["==", "!=", "===", "!=="], (op, a, b) => (op[0] === "=" ? a === b : a !== b));
    const and = binary(eq, ["&&"], (op, a, b) => a && b);
    const or = binary(and, ["||"], (op, a, b) => a || b);
    function postfix() {
      let value = primary();
      for (;;) {
        if (peek(".")) { i += 1; const name = t[i++].v; value = value == null ? undefined : value[name]; }
        else if (peek("[")) { i += 1; const key = ternary(); take("]"); value = value == null ? undefined : value[key]; }
        else if (peek("(")) {
          i += 1; const args = [];
          while (!peek(")")) { args.push(ternary()); if (peek(",")) i += 1; }
          take(")");
          value = typeof value === "function" ? value(...args) : undefined;
        } else return value;
      }
    }
    function primary() {
      const token = t[i++];
      if (!token) throw new Error(`unexpected end of ${source}`);
      if (token.k === "num" || token.k === "str") return token.v;
      if (token.k === "op" && token.v === "(") { const v = ternary(); take(")"); return v; }
      if (token.k === "id") {
        if (token.v[0] === "@") return ctx.resource(token.v.slice(1));
        if (token.v === "true") return true;
        if (token.v === "false") return false;
        if (token.v === "null") return null;
        if (token.v === "Math") return MATH;
        return ctx.lookup(token.v);
      }
      throw new Error(`unexpected ${token.v} in ${source}`);
    }
    const value = ternary();
    if (i < t.length) throw new Error(`left over in ${source}`);
    return value;
  }

  // "${a}" -> the value itself; "x ${a} y" -> a string; "@name" -> the resource.
  function resolve(value, ctx) {
    if (typeof value !== "string") return value;
    const whole = value.match(/^\$\{([^}]*)\}$/);
    if (whole) return evaluate(whole[1], ctx);
    if (/^@\w+$/.test(value)) return ctx.resource(value.slice(1));
    return value.replace(/\$\{([^}]*)\}/g, (_, expr) => {
      const v = evaluate(expr, ctx);
      return v == null ? "" : String(typeof v === "number" ? Math.round(v * 1000) / 1000 : v);
    });
  }

  // -- the document ------------------------------------------------------------------------------
  function context(doc, data, viewport, elapsed, unknown) {
    const scopes = [{ ...data, viewport, elapsedTime: elapsed }];
    const ctx = {
      lookup(name) {
        for (let s = scopes.length - 1; s >= 0; s--) if (name in scopes[s]) return scopes[s][name];
        return undefined;
      },
      resource(name) {
        if (!(name in ctx.resources)) unknown.add(`@${name}`);
        return ctx.resources[name];
      },
      push(scope) { scopes.push(scope); },
      pop() { scopes.pop(); },
      resources: {},
    };
    for (const block of doc.resources || []) {
      if (block.when !== undefined && !resolve(block.when, ctx)) continue;
      for (const kind of ["dimensions", "colors", "strings", "numbers", "booleans"]) Object.assign(ctx.resources, block[kind] || {});
    }
    for (const key of Object.keys(ctx.resources)) ctx.resources[key] = resolve(ctx.resources[key], ctx);
    return ctx;
  }

  function size(value, viewport) {
    if (value === undefined || value === null || value === "auto") return "";
    if (typeof value === "number") return `${value}px`;
    const m = String(value).trim().match(/^(-?\d+(?:\.\d+)?)(dp|px|vw|vh|%)?$/);
    if (!m) return "";
    const n = parseFloat(m[1]);
    if (m[2] === "vw") return `${(n * viewport.width) / 100}px`;
    if (m[2] === "vh") return `${(n * viewport.height) / 100}px`;
    if (m[2] === "%") return `${n}%`;
    return `${n}px`;
  }

  const BOX = { width: "width", height: "height", paddingLeft: "paddingLeft", paddingRight: "paddingRight",
    paddingTop: "paddingTop", paddingBottom: "paddingBottom", borderRadius: "borderRadius", fontSize: "fontSize" };

  function build(item, ctx, doc, viewport, unknown) {
    if (item.when !== undefined && !resolve(item.when, ctx)) return null;
    let scope = null;
    if (item.bind) {
      scope = {};
      ctx.push(scope);
      for (const b of item.bind) scope[b.name] = resolve(b.value, ctx);
    }
    const props = {};
    if (item.style) {
      const style = (doc.styles || {})[item.style];
      if (!style) unknown.add(`style ${item.style}`);
      for (const values of (style && style.values) || []) Object.assign(props, values);
    }
    for (const [key, value] of Object.entries(item)) if (!["items", "item", "bind", "when", "style", "type"].includes(key)) props[key] = value;
    const p = {};
    for (const [key, value] of Object.entries(props)) p[key] = resolve(value, ctx);
    let node;
    if (item.type === "Container" || item.type === "Frame") {
      node = document.createElement("div");
      node.className = `apl-${item.type.toLowerCase()}`;
      node.style.display = "flex";
      node.style.flexDirection = p.direction === "row" ? "row" : "column";
      if (p.alignItems) node.style.alignItems = p.alignItems;
      if (p.justifyContent) node.style.justifyContent = p.justifyContent;
      if (p.backgroundColor) node.style.backgroundColor = p.backgroundColor;
      for (const child of item.items || (item.item ? [item.item] : [])) {
        const built = build(child, ctx, doc, viewport, unknown);
        if (built) node.appendChild(built);
      }
    } else if (item.type === "Text") {
      node = document.createElement("p");
      node.className = "apl-text";
      node.textContent = p.text == null ? "" : String(p.text);
      if (p.color) node.style.color = p.color;
      if (p.fontWeight) node.style.fontWeight = p.fontWeight;
    } else if (item.type === "VectorGraphic") {
      node = vectorGraphic((doc.graphics || {})[p.source], p, unknown);
    } else {
      unknown.add(`component ${item.type}`);
      node = document.createElement("div");
    }
    for (const [key, css] of Object.entries(BOX)) if (p[key] !== undefined) node.style[css] = size(p[key], viewport);
    if (p.grow) node.style.flexGrow = String(p.grow);
    if (p.shrink !== undefined) node.style.flexShrink = String(p.shrink);
    if (p.accessibilityLabel) node.setAttribute("aria-label", p.accessibilityLabel);
    if (scope) ctx.pop();
    return node;
  }

  const SVG = "http://www.w3.org/2000/svg";
  const PATH_ATTRS = { fill: "fill", fillOpacity: "fill-opacity", stroke: "stroke", strokeWidth: "stroke-width",
    strokeOpacity: "stroke-opacity", strokeLineCap: "stroke-linecap", strokeLineJoin: "stroke-linejoin" };

  function vectorGraphic(graphic, p, unknown) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "apl-vector");
    if (!graphic) { unknown.add(`graphic ${p.source}`); return svg; }
    svg.setAttribute("viewBox", `0 0 ${graphic.width} ${graphic.height}`);
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    svg.setAttribute("role", "img");
    const add = (parent, items) => {
      for (const it of items || []) {
        if (it.type === "group") { const g = document.createElementNS(SVG, "g"); add(g, it.items); parent.appendChild(g); continue; }
        if (it.type !== "path") { unknown.add(`AVG ${it.type}`); continue; }
        const path = document.createElementNS(SVG, "path");
        path.setAttribute("d", it.pathData);
        path.setAttribute("fill", "none");
        for (const [key, attr] of Object.entries(PATH_ATTRS)) if (it[key] !== undefined) path.setAttribute(attr, String(it[key]));
        parent.appendChild(path);
      }
    };
    add(svg, graphic.items);
    return svg;
  }

  // Render a RenderDocument directive into `host`, re-evaluated every `tick` ms as elapsedTime runs.
  function render(host, directive, { viewport = { width: 1280, height: 800, shape: "rectangle" }, tick = 250 } = {}) {
    const doc = directive.document;
    const params = (doc.mainTemplate && doc.mainTemplate.parameters) || [];
    const data = {};
    for (const name of params) data[name] = (directive.datasources || {})[name];
    const started = performance.now();
    const state = { unknown: new Set(), timer: null };
    const draw = () => {
      const ctx = context(doc, data, viewport, performance.now() - started, state.unknown);
      const root = document.createElement("div");
      root.className = "apl-root";
      root.style.width = `${viewport.width}px`;
      root.style.height = `${viewport.height}px`;
      for (const item of doc.mainTemplate.items || []) {
        const built = build(item, ctx, doc, viewport, state.unknown);
        if (built) root.appendChild(built);
      }
      host.replaceChildren(root);
      host.dataset.unknown = [...state.unknown].join(", ");
    };
    draw();
    state.timer = window.setInterval(draw, tick);
    return { stop() { window.clearInterval(state.timer); }, unknown: state.unknown };
  }

  window.BackPopAPL = { render, evaluate, resolve };
})();
