// The entitlement catalog of the chosen realm, grouped by type (License, Permission, …): each type is a resource
// type Okta Identity Governance discovers, listed at /Entitlements/{type}. Create, edit, delete.
import {del, enc, get, put} from '../api.js';
import {clear, confirm, empty, errorBox, h, loading, toast} from '../ui.js';
import {attempt, catalogForm, entryBody} from './catalog.js';

export async function entitlementsPage(view, context) {
    const base = `realms/${enc(context.realm)}/entitlements`;
    const message = h('div', {id: 'entitlements-message'});
    const list = h('div', {id: 'entitlements'}, loading());
    const types = h('datalist', {id: 'entitlement-types'});
    const type = h('input', {id: 'entitlement-type', placeholder: 'License', required: true, autocomplete: 'off',
        spellcheck: 'false', list: 'entitlement-types', pattern: '[A-Za-z][A-Za-z0-9]{0,63}', maxlength: 64,
        title: 'A letter, then letters and digits (up to 64): it becomes a resource type name'});
    let entitlements = [];
    const key = e => `${e.type}/${e.id}`;

    const form = catalogForm({
        prefix: 'entitlement', noun: 'entitlement', idPlaceholder: 'pro', namePlaceholder: 'Pro licence',
        keys: [type],
        before: [h('label.narrow', 'Type', type), types],
        async save(values, editing) {
            const name = `${type.value.trim()}/${values.id}`;
            if (!editing && entitlements.some(e => key(e) === name)
                && !await confirm(`Replace the entitlement ${name}?`, 'An entitlement with this type and id exists. Saving replaces its display name and description.', 'Replace entitlement')) {
                return;
            }
            const saved = await attempt(message, `The entitlement ${name} could not be saved`, async () => {
                await put(`${base}/${enc(type.value.trim())}/${enc(values.id)}`, entryBody(values));
                toast(editing ? `Entitlement ${name} saved` : `Entitlement ${name} created`);
            });
            if (saved) {
                form.reset();
                await refresh();
            }
        }
    });

    function edit(entitlement) {
        form.edit(entitlement, key(entitlement));
        type.value = entitlement.type;
    }

    async function remove(entitlement) {
        const last = entitlements.filter(e => e.type === entitlement.type).length === 1;
        if (!await confirm(`Delete the entitlement ${key(entitlement)}?`,
            'SCIM clients can no longer assign it. Users who have it already are not changed.'
            + (last ? ` It is the last of its type: ${entitlement.type} disappears from /ResourceTypes.` : ''),
            'Delete entitlement')) return;
        if (await attempt(message, `The entitlement ${key(entitlement)} could not be deleted`, async () => {
            await del(`${base}/${enc(entitlement.type)}/${enc(entitlement.id)}`);
            toast(`Entitlement ${key(entitlement)} deleted`);
        })) {
            if (form.editing && key(form.editing) === key(entitlement)) form.reset();
            await refresh();
        }
    }

    function typeCard(name, entries) {
        return h('div.card.tight.entitlement-type', {'data-type': name},
            h('div.pad.realm-head',
                h('div', h('h2', name),
                    h('span.muted', `${entries.length} entitlement${entries.length === 1 ? '' : 's'} · SCIM `,
                        h('code', `/Entitlements/${name}`))),
                h('button.small', {type: 'button', class: 'add', onclick: () => {
                    form.reset();
                    type.value = name;
                    document.getElementById('entitlement-id').focus();
                }}, `Add ${name}`)),
            h('table',
                h('thead', h('tr', h('th', 'ID'), h('th', 'Display name'), h('th', 'Description'), h('th', ''))),
                h('tbody', entries.map(entitlement => h('tr', {'data-type': entitlement.type, 'data-id': entitlement.id},
                    h('td.mono', entitlement.id),
                    h('td', entitlement.displayName),
                    h('td', entitlement.description || h('span.muted', '—')),
                    h('td.num', h('div.actions',
                        h('button.small', {type: 'button', class: 'edit', onclick: () => edit(entitlement)}, 'Edit'),
                        h('button.small.danger', {type: 'button', class: 'delete', onclick: () => remove(entitlement)}, 'Delete'))))))));
    }

    async function refresh() {
        try {
            entitlements = (await get(base)).entitlements;
        } catch (error) {
            if (error.status !== 401) clear(list, errorBox(error, 'The entitlements could not be read'));
            return;
        }
        const byType = new Map();
        for (const entitlement of entitlements) {
            if (!byType.has(entitlement.type)) byType.set(entitlement.type, []);
            byType.get(entitlement.type).push(entitlement);
        }
        clear(types, [...byType.keys()].map(name => h('option', {value: name})));
        if (entitlements.length === 0) {
            clear(list, h('div.card', empty(`No entitlements in ${context.realm} yet`,
                'Entitlements are grouped by type, such as License or Permission. Each type becomes a resource type '
                + 'that Okta Identity Governance discovers at /ResourceTypes, with its entitlements listed at '
                + '/Entitlements/{type}. While the catalog is empty, SCIM clients may give users any entitlement; '
                + 'once it has one, a user’s entitlements must be ones listed here.')));
            return;
        }
        clear(list,
            h('div.alert.info', {id: 'entitlements-rule'}, 'Only these entitlements are accepted in a user’s entitlements. ',
                `${byType.size} type${byType.size === 1 ? '' : 's'} in /ResourceTypes: ${[...byType.keys()].join(', ')}.`),
            [...byType].map(([name, entries]) => typeCard(name, entries)));
    }

    clear(view,
        h('div.page-head',
            h('div', h('h1', 'Entitlements'),
                h('p.muted', 'The entitlements SCIM clients may assign to users in the realm ', h('strong', context.realm),
                    ', by type. Okta Identity Governance finds each type at ', h('code', '/ResourceTypes'), '.'))),
        form.element,
        message,
        list);
    await refresh();
}
