// The provisioning log of the chosen realm: every SCIM request, newest first, with the admin API's filters, older
// pages, and a live mode that polls for new entries.
import {enc, get, newestOnly, query, STALE} from '../api.js';
import {clear, empty, errorBox, h, formatLogTime, statusBadge} from '../ui.js';

const LIVE_SECONDS = 3;

function localInput(id) {
    return h('input', {type: 'datetime-local', id, step: 1});
}

export async function logPage(view, context) {
    const params = context.params;
    const controls = {
        serviceAccount: h('input', {id: 'log-account', placeholder: 'any', value: params.get('serviceAccount') || '', autocomplete: 'off'}),
        method: h('select', {id: 'log-method'}, ['', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map(m =>
            h('option', {value: m, selected: m === (params.get('method') || '')}, m || 'any'))),
        resourceType: h('select', {id: 'log-type'}, [['', 'any'], ['User', 'Users'], ['Group', 'Groups'], ['ServiceProviderConfig', 'Discovery: config'],
            ['Schema', 'Discovery: schemas'], ['ResourceType', 'Discovery: resource types']].map(([value, label]) =>
            h('option', {value, selected: value === (params.get('resourceType') || '')}, label))),
        status: h('select', {id: 'log-status'}, [['', 'any'], ['2xx', '2xx succeeded'], ['4xx', '4xx client errors'], ['5xx', '5xx server errors'],
            ['401', '401 unauthenticated'], ['403', '403 forbidden'], ['404', '404 not found'], ['409', '409 conflict'], ['429', '429 rate limited']].map(([value, label]) =>
            h('option', {value, selected: value === (params.get('status') || '')}, label))),
        resourceId: h('input', {id: 'log-resource', placeholder: 'any', value: params.get('resourceId') || '', autocomplete: 'off'}),
        from: localInput('log-from'),
        to: localInput('log-to')
    };
    const live = h('input', {type: 'checkbox', id: 'log-live'});
    const liveLabel = h('label.check', live, h('span', {id: 'live-text'}, 'Live'));
    const info = h('span.muted', {id: 'log-info'});
    const table = h('div', {id: 'log-entries'});
    const pages = [];   // cursors of the pages before the current one
    let newest = new Set();
    let timer = null;
    const read = newestOnly(get);

    function filters() {
        const local = input => input.value ? new Date(input.value).toISOString() : '';
        return {
            serviceAccount: controls.serviceAccount.value.trim(), method: controls.method.value,
            resourceType: controls.resourceType.value, status: controls.status.value,
            resourceId: controls.resourceId.value.trim(), from: local(controls.from), to: local(controls.to), limit: 50
        };
    }

    async function load(url, fromLive) {
        const path = url || `realms/${enc(context.realm)}/log` + query(filters());
        let answer;
        try {
            answer = await read(path);
        } catch (error) {
            if (error.status !== 401) clear(table, errorBox(error, 'The log could not be read'));
            return;
        }
        if (answer === STALE) return;
        const previous = newest;
        newest = new Set(answer.entries.map(e => e.id));
        if (answer.entries.length === 0) {
            clear(table, h('div.card', empty(url ? 'No older entries' : 'No entries match',
                url ? null : 'Every SCIM request to this realm is logged here within a second or two. Change the filters, or wait for your identity provider.')));
        } else {
            clear(table, h('div.card.tight',
                h('table', {id: 'log-table'},
                    h('thead', h('tr', h('th', 'Time'), h('th', 'Service account'), h('th', 'Request'), h('th', 'Status'),
                        h('th.num', 'ms'), h('th', 'Client'))),
                    h('tbody', answer.entries.map(entry => row(entry, fromLive && !previous.has(entry.id))))),
                h('div.pager',
                    h('span', answer.droppedSinceStart ? `${answer.droppedSinceStart} entries dropped since start (database too slow)` : ''),
                    h('div.actions',
                        h('button.small', {type: 'button', disabled: !url, onclick: () => load(pages.pop() || null)}, '← Newer'),
                        h('button.small', {type: 'button', id: 'log-older', disabled: !answer.next, onclick: () => { pages.push(url); setLive(false); load(answer.next); }}, 'Older →')))));
        }
        info.textContent = (url ? 'Older entries' : 'Newest entries') + ' · updated ' + new Date().toLocaleTimeString();
    }

    function row(entry, fresh) {
        const target = entry.resourceId ? [entry.resourceType || '', ' ', h('span.mono', entry.resourceId)] : entry.resourceType;
        return h('tr' + (fresh ? '.fresh' : ''), {'data-id': entry.id, 'data-status': entry.status},
            h('td', {title: entry.time}, formatLogTime(entry.time)),
            h('td', entry.serviceAccount || h('span.muted', 'unauthenticated')),
            h('td', h('div', h('strong', entry.method), ' ', h('span.mono.path', entry.path)),
                target ? h('div.sub', target) : null,
                entry.filter ? h('div.sub', 'filter ', h('span.mono', entry.filter)) : null),
            h('td', statusBadge(entry.status), entry.scimType ? h('div.sub', entry.scimType) : null),
            h('td.num', String(entry.durationMs)),
            h('td.ellipsis', {title: entry.userAgent || ''}, entry.userAgent || h('span.muted', '—')));
    }

    function setLive(on) {
        live.checked = on;
        clearInterval(timer);
        timer = null;
        liveLabel.querySelector('#live-text').replaceChildren(on ? h('span.live-dot') : '', on ? 'Live: every ' + LIVE_SECONDS + ' s' : 'Live');
        if (on) {
            pages.length = 0;
            load(null, true);
            timer = setInterval(() => load(null, true), LIVE_SECONDS * 1000);
        }
    }

    live.addEventListener('change', () => setLive(live.checked));
    context.onLeave(() => clearInterval(timer));

    function apply(event) {
        event.preventDefault();
        pages.length = 0;
        load(null);
    }

    function reset() {
        Object.values(controls).forEach(control => { control.value = ''; });
        pages.length = 0;
        load(null);
    }

    clear(view,
        h('div.page-head', h('div', h('h1', 'Provisioning log'),
            h('p.muted', 'Every SCIM request to the realm ', h('strong', context.realm), ', newest first. Never bodies, passwords or tokens.'))),
        h('form.card', {onsubmit: apply, id: 'log-filters'},
            h('div.log-filters',
                h('label', 'Service account', controls.serviceAccount),
                h('label', 'Method', controls.method),
                h('label', 'Resource', controls.resourceType),
                h('label', 'Status', controls.status),
                h('label', 'Resource id', controls.resourceId),
                h('label', 'From', controls.from),
                h('label', 'Until', controls.to)),
            h('div.log-toolbar',
                h('button.primary', {type: 'submit', id: 'log-apply'}, 'Apply filters'),
                h('button.ghost', {type: 'button', onclick: reset}, 'Reset'),
                h('div.spacer'),
                info,
                liveLabel)),
        table);
    await load(null);
}
