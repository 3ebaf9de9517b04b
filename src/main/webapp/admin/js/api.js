// The admin API, as the console calls it: same origin, the session cookie, and the header that marks the console's
// requests (the server refuses session requests that change something without it: cross-site request forgery).

const ROOT = new URL('../api/admin/', document.baseURI);

export class ApiError extends Error {
    constructor(status, message, body) {
        super(message);
        this.status = status;
        this.body = body;
    }
}

let unauthorized = () => {};

/** Called when the session has ended (any 401 except from the sign-in itself). */
export function onUnauthorized(handler) {
    unauthorized = handler;
}

/** A path below /api/admin/ ("realms/default/users?filter=…") or a URL the API gave (a log page's "next"). */
export function url(path) {
    if (/^https?:/.test(path)) {
        const given = new URL(path);
        return new URL(given.pathname + given.search, ROOT).toString();
    }
    return new URL(path, ROOT).toString();
}

export async function api(method, path, body) {
    const headers = {'X-Roster-Console': '1', 'Accept': 'application/json'};
    const init = {method, headers, credentials: 'same-origin', cache: 'no-store'};
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    let response;
    try {
        response = await fetch(url(path), init);
    } catch (e) {
        throw new ApiError(0, 'Roster does not answer (' + e.message + '). Is the server running?');
    }
    const text = await response.text();
    let data = null;
    if (text) {
        try {
            data = JSON.parse(text);
        } catch (e) {
            data = null;
        }
    }
    if (!response.ok) {
        const message = (data && (data.error || data.detail)) || ('The request failed with HTTP status ' + response.status);
        const error = new ApiError(response.status, message, data);
        if (response.status === 401 && path !== 'session') {
            unauthorized(error);
        }
        throw error;
    }
    return data;
}

export const get = path => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body) => api('PUT', path, body);
export const del = path => api('DELETE', path);

/**
 * The given reading function (`get`, or one that reads several things), where only the newest call's answer counts:
 * a slow answer to an older call (a live poll still in flight, the previous filters) resolves to STALE instead of
 * overwriting what a newer call shows. Errors of older calls are STALE too.
 */
export function newestOnly(read) {
    let newest = 0;
    return async (...args) => {
        const mine = ++newest;
        try {
            const answer = await read(...args);
            return mine === newest ? answer : STALE;
        } catch (error) {
            if (mine !== newest) return STALE;
            throw error;
        }
    };
}

export const STALE = Symbol('an answer overtaken by a newer request');

/** A query string from the given parameters, leaving out empty ones. */
export function query(params) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && value !== '') {
            search.set(name, value);
        }
    }
    const text = search.toString();
    return text ? '?' + text : '';
}

export const enc = encodeURIComponent;
