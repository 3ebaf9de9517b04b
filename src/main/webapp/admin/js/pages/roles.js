// The role catalog of the chosen realm: the roles SCIM clients may assign (once there is one), what /Roles lists
// for Okta Identity Governance, and the default role of users created without roles. Create, edit, delete.
import {del, enc, get, put} from '../api.js';
import {badge, clear, confirm, empty, errorBox, h, loading, toast} from '../ui.js';
import {attempt, catalogForm, entryBody} from './catalog.js';

export async function rolesPage(view, context) {
    const base = `realms/${enc(context.realm)}/roles`;
    const message = h('div', {id: 'roles-message'});
    const list = h('div', {id: 'roles'}, loading());
    const isDefault = h('input', {type: 'checkbox', id: 'role-default'});
    const defaultHint = h('p.hint', {id: 'role-default-hint'});
    let roles = [];
    let form = null;

    function explainDefault() {
        const current = roles.find(r => r.default);
        const mine = form && form.editing && current && current.id === form.editing.id;
        defaultHint.textContent = isDefault.checked && current && !mine
            ? `This role becomes the default instead of ${current.id}.`
            : 'The default role is given to users created without roles. A realm has at most one.';
    }
    isDefault.addEventListener('change', explainDefault);

    form = catalogForm({
        prefix: 'role', noun: 'role', idPlaceholder: 'admin', namePlaceholder: 'Administrator',
        after: [h('label.check', isDefault, 'Default role'), defaultHint],
        onReset: () => explainDefault(),
        async save(values, editing) {
            if (!editing && roles.some(r => r.id === values.id)
                && !await confirm(`Replace the role ${values.id}?`, 'A role with this id exists. Saving replaces its display name, description and default.', 'Replace role')) {
                return;
            }
            const saved = await attempt(message, `The role ${values.id} could not be saved`, async () => {
                await put(`${base}/${enc(values.id)}`, entryBody(values, {default: isDefault.checked}));
                toast(editing ? `Role ${values.id} saved` : `Role ${values.id} created`);
            });
            if (saved) {
                form.reset();
                await refresh();
            }
        }
    });

    function edit(role) {
        form.edit(role);
        isDefault.checked = role.default;
        explainDefault();
    }

    async function remove(role) {
        const more = role.default ? ' Users created without roles no longer get a role.' : '';
        if (!await confirm(`Delete the role ${role.id}?`,
            'SCIM clients can no longer assign it and /Roles stops listing it. Users who have it already are not changed.' + more,
            'Delete role')) return;
        if (await attempt(message, `The role ${role.id} could not be deleted`, async () => {
            await del(`${base}/${enc(role.id)}`);
            toast(`Role ${role.id} deleted`);
        })) {
            if (form.editing && form.editing.id === role.id) form.reset();
            await refresh();
        }
    }

    async function refresh() {
        try {
            roles = (await get(base)).roles;
        } catch (error) {
            if (error.status !== 401) clear(list, errorBox(error, 'The roles could not be read'));
            return;
        }
        explainDefault();
        if (roles.length === 0) {
            clear(list, h('div.card', empty(`No roles in ${context.realm} yet`,
                'While the catalog is empty, SCIM clients may give users any role value. Once it has a role, a user’s '
                + 'roles must be ones listed here: others are refused. Mark one as the default role to give it to '
                + 'users created without roles.')));
            return;
        }
        clear(list,
            h('div.alert.info', {id: 'roles-rule'}, 'Only these roles are accepted in a user’s roles. ',
                roles.some(r => r.default) ? null : 'No default role: users created without roles get none.'),
            h('div.card.tight', h('table', {id: 'roles-table'},
                h('thead', h('tr', h('th', 'ID'), h('th', 'Display name'), h('th', 'Description'), h('th', 'Default'), h('th', ''))),
                h('tbody', roles.map(role => h('tr', {'data-id': role.id},
                    h('td.mono', role.id),
                    h('td', role.displayName),
                    h('td', role.description || h('span.muted', '—')),
                    h('td', role.default ? badge('default', 'info') : null),
                    h('td.num', h('div.actions',
                        h('button.small', {type: 'button', class: 'edit', onclick: () => edit(role)}, 'Edit'),
                        h('button.small.danger', {type: 'button', class: 'delete', onclick: () => remove(role)}, 'Delete')))))))));
    }

    clear(view,
        h('div.page-head',
            h('div', h('h1', 'Roles'),
                h('p.muted', 'The roles SCIM clients may assign to users in the realm ', h('strong', context.realm),
                    '. Okta Identity Governance reads them at ', h('code', '/Roles'), '.'))),
        form.element,
        message,
        list);
    await refresh();
}
