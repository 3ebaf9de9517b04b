// Small DOM helpers. Text always goes in as text (never as HTML), so nothing from the server can inject markup.

/** h('div.card#id', {onclick, 'data-x': 1}, child, 'text', [children]) */
export function h(spec, attributes, ...children) {
    if (attributes === null || typeof attributes !== 'object' || attributes instanceof Node || Array.isArray(attributes)) {
        children.unshift(attributes);
        attributes = {};
    }
    const [, tag, rest] = spec.match(/^([a-z0-9-]*)(.*)$/i);
    const element = document.createElement(tag || 'div');
    for (const part of rest.match(/[.#][^.#]+/g) || []) {
        if (part[0] === '.') element.classList.add(part.slice(1));
        else element.id = part.slice(1);
    }
    for (const [name, value] of Object.entries(attributes)) {
        if (value === undefined || value === null || value === false) continue;
        if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
        else if (name === 'class') element.classList.add(...String(value).split(/\s+/).filter(Boolean));
        else if (name === 'value') element.value = value;
        else if (name === 'checked' || name === 'disabled' || name === 'hidden' || name === 'selected') element[name] = Boolean(value);
        else element.setAttribute(name, value === true ? '' : String(value));
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children.flat(Infinity)) {
        if (child === undefined || child === null || child === false) continue;
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

export function clear(element, ...children) {
    element.replaceChildren();
    append(element, children);
    return element;
}

export function toast(message, kind) {
    const box = h('div.toast' + (kind === 'error' ? '.error' : ''), {role: 'status'}, message);
    document.getElementById('toasts').append(box);
    setTimeout(() => box.remove(), kind === 'error' ? 7000 : 3500);
}

/** An error box with the API's own message. */
export function errorBox(error, prefix) {
    const status = error && error.status ? h('span.status', 'HTTP ' + error.status) : null;
    return h('div.alert', {role: 'alert', 'data-status': error && error.status},
        prefix ? prefix + ': ' : '', error && error.message ? error.message : String(error), status);
}

export function empty(title, text, ...extra) {
    return h('div.empty', h('strong', title), text ? h('div', text) : null, extra);
}

export function loading(text) {
    return h('div.loading', text || 'Loading…');
}

/** Asks in a modal dialog; resolves true when confirmed. */
export function confirm(title, text, action) {
    const dialog = document.getElementById('confirm-dialog');
    document.getElementById('confirm-title').textContent = title;
    document.getElementById('confirm-text').textContent = text;
    document.getElementById('confirm-ok').textContent = action || 'Confirm';
    dialog.returnValue = '';
    dialog.showModal();
    return new Promise(resolve => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), {once: true}));
}

export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch (e) {
        // not a secure context or no permission: fall back to a selection copy
        const area = h('textarea', {readonly: true}, text);
        area.className = 'offscreen';
        area.style.position = 'fixed';
        area.style.left = '-9999px';
        document.body.append(area);
        area.select();
        let copied = false;
        try {
            copied = document.execCommand('copy');
        } catch (ignored) {
            copied = false;
        }
        area.remove();
        return copied;
    }
}

/** A read-only value with a Copy button next to it. */
export function copyField(value, options = {}) {
    const field = options.input
        ? h('input', {readonly: true, value, 'aria-label': options.label || 'Value', id: options.id, spellcheck: 'false'})
        : h('code', {id: options.id}, value);
    if (options.input) field.addEventListener('focus', () => field.select());
    const button = h('button.copy', {type: 'button', 'data-copy': options.id || ''}, 'Copy');
    button.addEventListener('click', async () => {
        const ok = await copyText(value);
        button.textContent = ok ? 'Copied ✓' : 'Select and copy';
        if (!ok && options.input) field.select();
        setTimeout(() => { button.textContent = 'Copy'; }, 2000);
    });
    return h('div.copy-field', field, button);
}

export function badge(text, kind) {
    return h('span.badge' + (kind ? '.' + kind : ''), text);
}

export function statusBadge(status) {
    const kind = status >= 500 ? 'bad' : status >= 400 ? 'warn' : 'ok';
    return h('span.badge.' + kind, {'data-status': status}, String(status));
}

const dateTime = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});
const timeWithSeconds = new Intl.DateTimeFormat(undefined, {month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit'});

export function formatTime(iso) {
    return iso ? dateTime.format(new Date(iso)) : '—';
}

export function formatLogTime(iso) {
    return timeWithSeconds.format(new Date(iso));
}

/** "3 minutes ago", "in 5 days" */
export function relative(iso) {
    if (!iso) return '—';
    const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
    const units = [['year', 31536000], ['month', 2592000], ['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
    const format = new Intl.RelativeTimeFormat(undefined, {numeric: 'auto'});
    for (const [unit, size] of units) {
        if (Math.abs(seconds) >= size || unit === 'second') {
            return format.format(Math.round(seconds / size), unit);
        }
    }
    return '';
}

/** <time> with the exact moment as its tooltip. */
export function when(iso, text) {
    if (!iso) return h('span.muted', '—');
    return h('time', {datetime: iso, title: formatTime(iso)}, text || relative(iso));
}

export function number(value) {
    return new Intl.NumberFormat().format(value);
}

export function percent(fraction) {
    return (fraction * 100).toLocaleString(undefined, {maximumFractionDigits: fraction < 0.1 ? 1 : 0}) + ' %';
}

/** A pager: "1–25 of 312" with Previous / Next. */
export function pager(startIndex, shown, total, go) {
    const first = total === 0 ? 0 : startIndex;
    const last = startIndex + shown - 1;
    return h('div.pager',
        h('span.page-info', total === 0 ? 'None' : `${number(first)}–${number(last)} of ${number(total)}`),
        h('div.actions',
            h('button.small', {type: 'button', disabled: startIndex <= 1, onclick: () => go(-1)}, '← Previous'),
            h('button.small', {type: 'button', disabled: last >= total, onclick: () => go(1)}, 'Next →')));
}
