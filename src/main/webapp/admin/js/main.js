// The console's frame: sign-in, the realm picker, and a hash router (#/page/…) that renders one page into #view.
import {api, get, onUnauthorized} from './api.js';
import {clear, h, errorBox} from './ui.js';
import {dashboardPage} from './pages/dashboard.js';
import {realmsPage} from './pages/realms.js';
import {accountsPage} from './pages/accounts.js';
import {usersPage, userPage} from './pages/users.js';
import {groupsPage, groupPage} from './pages/groups.js';
import {rolesPage} from './pages/roles.js';
import {entitlementsPage} from './pages/entitlements.js';
import {schemasRoute} from './pages/schemas.js';
import {logPage} from './pages/log.js';

const REALM_KEY = 'roster.console.realm';

const state = {
    realm: localStorage.getItem(REALM_KEY) || 'default',
    realms: [],
    /** set by a page that refreshes by itself; called when the page is left */
    cleanup: null
};

/** What pages get: the chosen realm and ways to change it. */
export const consoleContext = {
    get realm() {
        return state.realm;
    },
    get realms() {
        return state.realms;
    },
    async reloadRealms(select) {
        await loadRealms(select);
    },
    /** Works in another realm from now on, on the given page (default: the list of the current one). */
    chooseRealm(name, page) {
        chooseRealm(name, page);
    },
    /** A page that polls registers how to stop. */
    onLeave(cleanup) {
        state.cleanup = cleanup;
    }
};

const routes = {
    dashboard: () => dashboardPage,
    realms: () => realmsPage,
    accounts: () => accountsPage,
    users: rest => rest.length ? userPage : usersPage,
    groups: rest => rest.length ? groupPage : groupsPage,
    roles: () => rolesPage,
    entitlements: () => entitlementsPage,
    schemas: schemasRoute,
    log: () => logPage
};

function route() {
    const [path, search] = location.hash.replace(/^#\/?/, '').split('?');
    const [name, ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
    const page = routes[name] ? name : 'dashboard';
    return {page, rest, params: new URLSearchParams(search || '')};
}

async function render() {
    if (state.cleanup) {
        state.cleanup();
        state.cleanup = null;
    }
    const {page, rest, params} = route();
    document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.page === page));
    const view = document.getElementById('view');
    view.dataset.page = page;
    try {
        // a spread would copy the getters' values once; pages must see the realms as they change
        await routes[page](rest)(view, Object.assign(Object.create(consoleContext), {rest, params}));
    } catch (error) {
        if (error && error.status === 401) return;
        clear(view, errorBox(error, 'This page could not be shown'));
    }
    document.title = (document.querySelector('#view h1')?.textContent || 'Console') + ' · Roster';
}

async function loadRealms(select) {
    const answer = await get('realms');
    state.realms = answer.realms;
    if (select) {
        state.realm = select;
    }
    if (!state.realms.some(r => r.name === state.realm) && state.realms.length) {
        state.realm = state.realms[0].name;
    }
    localStorage.setItem(REALM_KEY, state.realm);
    const picker = document.getElementById('realm-select');
    clear(picker, state.realms.map(r => h('option', {value: r.name, selected: r.name === state.realm}, r.name)));
}

function chooseRealm(name, target) {
    state.realm = name;
    localStorage.setItem(REALM_KEY, name);
    document.getElementById('realm-select').value = name;
    // a user or group of the old realm means nothing in the new one: go to the list
    const hash = '#/' + (target || route().page);
    if (location.hash === hash) {
        render();
    } else {
        location.hash = hash;
    }
}

function showSignIn(message) {
    if (state.cleanup) {
        state.cleanup();
        state.cleanup = null;
    }
    document.getElementById('app').hidden = true;
    document.getElementById('sign-in').hidden = false;
    const box = document.getElementById('sign-in-message');
    box.textContent = message || '';
    box.hidden = !message;
    box.className = 'alert' + (message && message.startsWith('You signed out') ? ' info' : '');
    document.getElementById('sign-in-password').value = '';
    document.getElementById('sign-in-password').focus();
}

async function showConsole(administrator) {
    document.getElementById('who').textContent = administrator.name;
    document.getElementById('sign-in').hidden = true;
    document.getElementById('app').hidden = false;
    try {
        await loadRealms();
    } catch (error) {
        if (error.status === 401) return;
        clear(document.getElementById('view'), errorBox(error, 'The realms could not be read'));
        return;
    }
    await render();
}

async function signIn(event) {
    event.preventDefault();
    const button = document.getElementById('sign-in-button');
    button.disabled = true;
    button.textContent = 'Signing in…';
    try {
        const administrator = await api('POST', 'session', {
            name: document.getElementById('sign-in-name').value.trim(),
            password: document.getElementById('sign-in-password').value
        });
        if (!location.hash) location.hash = '#/dashboard';
        await showConsole(administrator);
    } catch (error) {
        showSignIn(error.message);
    } finally {
        button.disabled = false;
        button.textContent = 'Sign in';
    }
}

async function signOut() {
    try {
        await api('DELETE', 'session');
    } catch (ignored) {
        // signed out either way
    }
    showSignIn('You signed out.');
}

async function start() {
    document.getElementById('sign-in-form').addEventListener('submit', signIn);
    document.getElementById('sign-out').addEventListener('click', signOut);
    document.getElementById('realm-select').addEventListener('change', e => chooseRealm(e.target.value));
    window.addEventListener('hashchange', () => {
        if (!document.getElementById('app').hidden) render();
    });
    onUnauthorized(() => showSignIn('Your session has ended. Sign in again to continue.'));
    try {
        showConsole(await api('GET', 'session'));
    } catch (error) {
        showSignIn(error.status === 401 ? '' : error.message);
    }
}

start();
